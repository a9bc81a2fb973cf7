package nl.retentiewerkboek.security;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    /** Notes activity without touching the account's version, so it never conflicts with another save. */
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("update UserAccount a set a.lastActivity = :at where a.id = :id")
    int touchActivity(@org.springframework.data.repository.query.Param("id") long id,
                      @org.springframework.data.repository.query.Param("at") java.time.Instant at);


    Optional<UserAccount> findByUsernameIgnoreCase(String username);

    boolean existsByRole(Role role);

    java.util.List<UserAccount> findByRoleOrderByDisplayNameAsc(Role role);
}
