package io.aigenda.diarization.kaldi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Kaldi i-vectors, computed in Java from a trained Kaldi online i-vector extractor (the
 * files in a Vosk model's {@code ivector/} folder): 40 MFCCs, spliced by +/-3 frames and
 * projected by {@code final.mat} to 40 dimensions; Gaussian posteriors from the diagonal
 * UBM {@code final.dubm} on the mean-normalised features (top {@value #GSELECT}, pruned
 * below {@value #MIN_POSTERIOR}); and the i-vector as the posterior mean of the
 * total-variability model {@code final.ie} given a stretch's zeroth and first order
 * statistics, with the prior offset removed from the first dimension as
 * {@code ivector-extract} does.
 */
public final class IvectorExtractor {

	/** Gaussians kept per frame, as Kaldi's online extractor ({@code --num-gselect}). */
	static final int GSELECT = 5;

	static final double MIN_POSTERIOR = 0.025;

	private static final int CONTEXT = 3;

	private final KaldiFbank mfcc = new KaldiFbank(16_000, 40, 20, 7600);

	private final double[] gconsts;

	private final double[][] meansInvVars;

	private final double[][] invVars;

	private final double[][] transform;

	/** Per Gaussian: Sigma^-1 M (feature dim x i-vector dim). */
	private final double[][][] sigmaInvM;

	/** Per Gaussian: M^T Sigma^-1 M (i-vector dim square). */
	private final double[][][] precision;

	private final double priorOffset;

	private final double posteriorScale;

	private IvectorExtractor(KaldiReader ubm, KaldiReader ie, KaldiReader mat, double posteriorScale) {
		this.posteriorScale = posteriorScale;
		ubm.expect("<DiagGMM>");
		ubm.expect("<GCONSTS>");
		this.gconsts = ubm.vector();
		ubm.expect("<WEIGHTS>");
		ubm.vector();
		ubm.expect("<MEANS_INVVARS>");
		this.meansInvVars = ubm.matrix();
		ubm.expect("<INV_VARS>");
		this.invVars = ubm.matrix();
		this.transform = mat.matrix();
		ie.expect("<IvectorExtractor>");
		ie.expect("<w>");
		ie.matrix();
		ie.expect("<w_vec>");
		ie.vector();
		ie.expect("<M>");
		int gaussians = ie.integer();
		double[][][] m = new double[gaussians][][];
		for (int c = 0; c < gaussians; c++) {
			m[c] = ie.matrix();
		}
		ie.expect("<SigmaInv>");
		this.sigmaInvM = new double[gaussians][][];
		this.precision = new double[gaussians][][];
		for (int c = 0; c < gaussians; c++) {
			double[][] sigmaInv = ie.symmetric();
			this.sigmaInvM[c] = multiply(sigmaInv, m[c]);
			this.precision[c] = multiply(transpose(m[c]), this.sigmaInvM[c]);
		}
		ie.expect("<IvectorOffset>");
		this.priorOffset = ie.real();
		if (gaussians != this.gconsts.length || this.transform.length != this.meansInvVars[0].length) {
			throw new IllegalArgumentException("The i-vector extractor does not match its UBM and transform");
		}
	}

	/**
	 * Loads {@code final.dubm}, {@code final.ie} and {@code final.mat} through
	 * {@code files}.
	 * @param posteriorScale scale of the Gaussian posteriors (Kaldi's online default is
	 * 0.1; larger values trust short stretches more)
	 */
	public static IvectorExtractor load(ModelFiles files, double posteriorScale) {
		try (InputStream ubm = files.open("final.dubm");
				InputStream ie = files.open("final.ie");
				InputStream mat = files.open("final.mat")) {
			return new IvectorExtractor(KaldiReader.of(ubm), KaldiReader.of(ie), KaldiReader.of(mat), posteriorScale);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the i-vector extractor: " + ex.getMessage(), ex);
		}
	}

	/** Opens one file of the extractor's folder. */
	@FunctionalInterface
	public interface ModelFiles {

		InputStream open(String name) throws IOException;

	}

	public int dimension() {
		return this.precision[0].length;
	}

	/** Seconds per frame. */
	public double frameSeconds() {
		return 0.01;
	}

	/** Features and Gaussian posteriors of every 10 ms frame of a 16 kHz recording. */
	public Frames frames(float[] samples) {
		float[][] ceps = this.mfcc.mfcc(samples, 0, samples.length, 40, 22);
		float[][] raw = project(ceps);
		float[][] centred = new float[ceps.length][];
		for (int t = 0; t < ceps.length; t++) {
			centred[t] = ceps[t].clone();
		}
		KaldiFbank.subtractMean(centred);
		float[][] normalised = project(centred);
		int[][] gaussians = new int[raw.length][];
		float[][] posteriors = new float[raw.length][];
		for (int t = 0; t < raw.length; t++) {
			select(normalised[t], t, gaussians, posteriors);
		}
		return new Frames(raw, gaussians, posteriors);
	}

	/** The i-vector of frames {@code from..to)}, or zeros when the stretch is empty. */
	public double[] ivector(Frames frames, int from, int to) {
		int dim = dimension();
		int featureDim = this.transform.length;
		double[] linear = new double[dim];
		double[][] quadratic = new double[dim][dim];
		double[] gamma = new double[this.gconsts.length];
		double[][] first = new double[this.gconsts.length][];
		for (int t = Math.max(0, from); t < Math.min(to, frames.features().length); t++) {
			for (int k = 0; k < frames.gaussians()[t].length; k++) {
				int c = frames.gaussians()[t][k];
				double post = frames.posteriors()[t][k] * this.posteriorScale;
				gamma[c] += post;
				if (first[c] == null) {
					first[c] = new double[featureDim];
				}
				float[] x = frames.features()[t];
				for (int d = 0; d < featureDim; d++) {
					first[c][d] += post * x[d];
				}
			}
		}
		for (int c = 0; c < gamma.length; c++) {
			if (first[c] == null) {
				continue;
			}
			double[][] sm = this.sigmaInvM[c];
			for (int d = 0; d < featureDim; d++) {
				double x = first[c][d];
				for (int k = 0; k < dim; k++) {
					linear[k] += sm[d][k] * x;
				}
			}
			double[][] p = this.precision[c];
			for (int i = 0; i < dim; i++) {
				for (int j = 0; j < dim; j++) {
					quadratic[i][j] += gamma[c] * p[i][j];
				}
			}
		}
		for (int i = 0; i < dim; i++) {
			quadratic[i][i] += 1;
		}
		linear[0] += this.priorOffset;
		double[] ivector = Cholesky.solve(quadratic, linear);
		ivector[0] -= this.priorOffset;
		return ivector;
	}

	private void select(float[] x, int t, int[][] gaussians, float[][] posteriors) {
		int n = this.gconsts.length;
		int[] best = new int[GSELECT];
		double[] bestScore = new double[GSELECT];
		java.util.Arrays.fill(bestScore, Double.NEGATIVE_INFINITY);
		for (int c = 0; c < n; c++) {
			double score = this.gconsts[c];
			double[] mi = this.meansInvVars[c];
			double[] iv = this.invVars[c];
			for (int d = 0; d < x.length; d++) {
				score += mi[d] * x[d] - 0.5 * iv[d] * x[d] * x[d];
			}
			if (score > bestScore[GSELECT - 1]) {
				int k = GSELECT - 1;
				while (k > 0 && bestScore[k - 1] < score) {
					bestScore[k] = bestScore[k - 1];
					best[k] = best[k - 1];
					k--;
				}
				bestScore[k] = score;
				best[k] = c;
			}
		}
		double total = 0;
		double[] post = new double[GSELECT];
		for (int k = 0; k < GSELECT; k++) {
			post[k] = Math.exp(bestScore[k] - bestScore[0]);
			total += post[k];
		}
		int kept = 0;
		double keptTotal = 0;
		for (int k = 0; k < GSELECT; k++) {
			post[k] /= total;
			if (post[k] >= MIN_POSTERIOR || k == 0) {
				kept++;
				keptTotal += post[k];
			}
		}
		gaussians[t] = new int[kept];
		posteriors[t] = new float[kept];
		for (int k = 0; k < kept; k++) {
			gaussians[t][k] = best[k];
			posteriors[t][k] = (float) (post[k] / keptTotal);
		}
	}

	/**
	 * Splices +/-3 frames (edges repeated) and applies the affine transform of final.mat.
	 */
	private float[][] project(float[][] ceps) {
		int dims = ceps.length == 0 ? 0 : ceps[0].length;
		int out = this.transform.length;
		int spliced = (2 * CONTEXT + 1) * dims;
		float[][] result = new float[ceps.length][out];
		for (int t = 0; t < ceps.length; t++) {
			for (int o = 0; o < out; o++) {
				double[] row = this.transform[o];
				double sum = (row.length > spliced) ? row[spliced] : 0;
				for (int k = -CONTEXT; k <= CONTEXT; k++) {
					float[] frame = ceps[Math.min(ceps.length - 1, Math.max(0, t + k))];
					int offset = (k + CONTEXT) * dims;
					for (int d = 0; d < dims; d++) {
						sum += row[offset + d] * frame[d];
					}
				}
				result[t][o] = (float) sum;
			}
		}
		return result;
	}

	private static double[][] transpose(double[][] a) {
		double[][] t = new double[a[0].length][a.length];
		for (int i = 0; i < a.length; i++) {
			for (int j = 0; j < a[0].length; j++) {
				t[j][i] = a[i][j];
			}
		}
		return t;
	}

	private static double[][] multiply(double[][] a, double[][] b) {
		double[][] c = new double[a.length][b[0].length];
		for (int i = 0; i < a.length; i++) {
			for (int k = 0; k < b.length; k++) {
				double v = a[i][k];
				for (int j = 0; j < b[0].length; j++) {
					c[i][j] += v * b[k][j];
				}
			}
		}
		return c;
	}

	/**
	 * Per frame: features for statistics, the selected Gaussians and their posteriors.
	 */
	public record Frames(float[][] features, int[][] gaussians, float[][] posteriors) {

		public int length() {
			return this.features.length;
		}

	}

}
