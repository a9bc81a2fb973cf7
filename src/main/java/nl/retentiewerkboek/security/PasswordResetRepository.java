package nl.retentiewerkboek.security;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PasswordResetRepository extends JpaRepository<PasswordReset, Long> {

    Optional<PasswordReset> findByTokenHash(String tokenHash);

    /** A newer link, a use or a new password makes every other link of the account worthless. */
    @Modifying
    @Query("delete from PasswordReset r where r.userId = :userId")
    int deleteByUserId(long userId);
}
