package io.aigenda.diarization.kaldi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads Kaldi's binary object format: a {@code \0B} header, space-terminated tokens such
 * as {@code <MEANS_INVVARS>}, integers and floats prefixed by their byte size, and
 * vectors and matrices tagged {@code FV}/{@code DV}, {@code FM}/{@code DM} and packed
 * symmetric matrices {@code FP}/{@code DP} in single or double precision. Everything is
 * returned as doubles.
 */
final class KaldiReader {

	private final ByteBuffer data;

	KaldiReader(byte[] bytes) {
		this.data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		if (bytes.length < 2 || bytes[0] != 0 || bytes[1] != 'B') {
			throw new IllegalArgumentException("Not a binary Kaldi file");
		}
		this.data.position(2);
	}

	static KaldiReader of(InputStream in) throws IOException {
		return new KaldiReader(in.readAllBytes());
	}

	String token() {
		StringBuilder token = new StringBuilder();
		while (this.data.hasRemaining()) {
			byte b = this.data.get();
			if (b == ' ') {
				if (token.isEmpty()) {
					continue;
				}
				break;
			}
			token.append((char) b);
		}
		return token.toString();
	}

	void expect(String expected) {
		String token = token();
		if (!token.equals(expected)) {
			throw new IllegalArgumentException("Expected " + expected + " in the Kaldi file, found " + token);
		}
	}

	int integer() {
		int size = this.data.get();
		if (size != 4) {
			throw new IllegalArgumentException("Expected a 4-byte integer, found size " + size);
		}
		return this.data.getInt();
	}

	double real() {
		int size = this.data.get();
		return (size == 8) ? this.data.getDouble() : this.data.getFloat();
	}

	double[] vector() {
		boolean dbl = precision(token(), 'V');
		double[] v = new double[integer()];
		read(v, dbl);
		return v;
	}

	double[][] matrix() {
		boolean dbl = precision(token(), 'M');
		int rows = integer();
		int cols = integer();
		double[][] m = new double[rows][cols];
		for (double[] row : m) {
			read(row, dbl);
		}
		return m;
	}

	/** A packed symmetric matrix (lower triangle by rows), unpacked into a full one. */
	double[][] symmetric() {
		boolean dbl = precision(token(), 'P');
		int n = integer();
		double[][] m = new double[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j <= i; j++) {
				double value = dbl ? this.data.getDouble() : this.data.getFloat();
				m[i][j] = value;
				m[j][i] = value;
			}
		}
		return m;
	}

	private void read(double[] target, boolean dbl) {
		for (int i = 0; i < target.length; i++) {
			target[i] = dbl ? this.data.getDouble() : this.data.getFloat();
		}
	}

	private static boolean precision(String tag, char kind) {
		if (tag.length() != 2 || tag.charAt(1) != kind || (tag.charAt(0) != 'F' && tag.charAt(0) != 'D')) {
			throw new IllegalArgumentException("Expected a Kaldi " + kind + " object, found " + tag);
		}
		return tag.charAt(0) == 'D';
	}

	/** Kaldi's text matrix ({@code [ 1 2\n 3 4 ]}), as in {@code global_cmvn.stats}. */
	static double[][] textMatrix(InputStream in) throws IOException {
		String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replace("[", " ").trim();
		String[] lines = text.split("\n");
		double[][] rows = new double[lines.length][];
		for (int r = 0; r < lines.length; r++) {
			String[] fields = lines[r].replace("]", " ").trim().split("\\s+");
			rows[r] = new double[fields.length];
			for (int c = 0; c < fields.length; c++) {
				rows[r][c] = Double.parseDouble(fields[c]);
			}
		}
		return rows;
	}

}
