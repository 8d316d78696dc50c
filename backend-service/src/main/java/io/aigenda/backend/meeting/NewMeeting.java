package io.aigenda.backend.meeting;

import io.aigenda.contracts.Language;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/meetings}. */
record NewMeeting(@NotBlank @Size(max = 300) String title, Language language, @Min(1) @Max(50) Integer minSpeakers,
		@Min(1) @Max(50) Integer maxSpeakers) {
}
