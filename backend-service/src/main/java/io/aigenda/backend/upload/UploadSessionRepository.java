package io.aigenda.backend.upload;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface UploadSessionRepository extends JpaRepository<UploadSession, UUID> {

	Optional<UploadSession> findByIdAndMeetingId(UUID id, UUID meetingId);

	boolean existsByMeetingIdAndState(UUID meetingId, String state);

}
