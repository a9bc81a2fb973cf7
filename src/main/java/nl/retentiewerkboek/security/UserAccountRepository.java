package nl.retentiewerkboek.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsernameIgnoreCase(String username);

    boolean existsByRole(Role role);

    List<UserAccount> findByRoleOrderByDisplayNameAsc(Role role);

    List<UserAccount> findByRoleAndActiveTrueAndRemindersTrue(Role role);

    List<UserAccount> findByRoleAndActiveTrueAndDigestTrue(Role role);
}
