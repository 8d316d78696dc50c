package io.aigenda.backend.meeting;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/meetings}. */
record NewMeeting(@NotBlank @Size(max = 300) String title, MeetingLanguage language,
		@Min(1) @Max(50) Integer minSpeakers, @Min(1) @Max(50) Integer maxSpeakers) {
}
