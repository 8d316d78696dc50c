package io.aigenda.mlcontroller.search;

import java.util.List;

/** A passage of one meeting: consecutive words of one topic block, with when and who. */
public record TextChunk(double start, double end, List<String> speakers, String topic, String text) {
}
