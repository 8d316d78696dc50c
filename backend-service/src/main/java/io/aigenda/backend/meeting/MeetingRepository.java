package io.aigenda.backend.meeting;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Every lookup a client can trigger is scoped by organisation. */
public interface MeetingRepository extends JpaRepository<Meeting, UUID> {

	Optional<Meeting> findByIdAndOrganisationId(UUID id, UUID organisationId);

	Page<Meeting> findByOrganisationId(UUID organisationId, Pageable pageable);

	Page<Meeting> findByOrganisationIdAndTitleContainingIgnoreCase(UUID organisationId, String title,
			Pageable pageable);

	List<Meeting> findByOrganisationIdAndStateOrderByCreatedAtAscIdAsc(UUID organisationId, MeetingState state);

	/**
	 * The meeting row locked until the transaction ends, so concurrent events apply one
	 * by one.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select m from Meeting m where m.id = :id")
	Optional<Meeting> lockById(UUID id);

}
