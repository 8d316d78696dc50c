package io.aigenda.mlcontroller.vector;

/** Shared checks and maths of the adapters. */
final class Vectors {

	private Vectors() {
	}

	/** The vector scaled to unit length; rejects zero and non-finite vectors. */
	static float[] normalised(float[] vector) {
		double norm = 0;
		for (float v : vector) {
			if (!Float.isFinite(v)) {
				throw new IllegalArgumentException("vector has a non-finite component");
			}
			norm += (double) v * v;
		}
		if (norm == 0) {
			throw new IllegalArgumentException("vector is zero");
		}
		double scale = 1 / Math.sqrt(norm);
		float[] unit = new float[vector.length];
		for (int i = 0; i < vector.length; i++) {
			unit[i] = (float) (vector[i] * scale);
		}
		return unit;
	}

	static void requireKey(String key) {
		if (key == null || !key.matches("[A-Za-z_][A-Za-z0-9_]*") || key.equals(VectorPoint.RESERVED_KEY)) {
			throw new IllegalArgumentException("invalid payload key: " + key);
		}
	}

}
