package io.aigenda.backend.auth;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrganisationRepository extends JpaRepository<Organisation, UUID> {

	Optional<Organisation> findByName(String name);

}

interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

	Optional<UserAccount> findByEmail(String email);

}

interface MembershipRepository extends JpaRepository<Membership, UUID> {

	List<Membership> findByUserIdOrderByCreatedAt(UUID userId);

	Optional<Membership> findByUserIdAndOrganisationId(UUID userId, UUID organisationId);

}

interface ApiTokenRepository extends JpaRepository<ApiToken, UUID> {

	Optional<ApiToken> findByTokenSha256(String tokenSha256);

	List<ApiToken> findByUserIdAndOrganisationIdOrderByCreatedAt(UUID userId, UUID organisationId);

	Optional<ApiToken> findByIdAndUserIdAndOrganisationId(UUID id, UUID userId, UUID organisationId);

}
