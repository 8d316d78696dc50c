package io.aigenda.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metric names the Grafana dashboards ({@code deploy/grafana/**}{@code /*.json}) and
 * the Prometheus alert rules ({@code deploy/prometheus/alerts.yml}) use, read from their
 * PromQL, and what a scrape of {@code /actuator/prometheus} exposes. Shared by the
 * observability module's test and the app's test of a whole running platform.
 */
public final class DeployedMetricNames {

	/** Metrics from exporters outside AiGenda, with who exposes them. */
	public static final Set<String> EXTERNAL = Set.of("up", // Prometheus itself
			"DCGM_FI_DEV_GPU_UTIL", "DCGM_FI_DEV_FB_USED"); // NVIDIA dcgm-exporter on GPU
															// nodes

	private static final Set<String> PROMQL_WORDS = Set.of("sum", "min", "max", "avg", "count", "rate", "irate",
			"increase", "delta", "deriv", "histogram_quantile", "absent", "absent_over_time", "clamp_min", "time",
			"and", "or", "unless", "bool", "offset", "topk", "bottomk", "vector", "scalar", "label_replace");

	/** Tests run in their module's folder; the deployment files are beside it. */
	public static final Path DEPLOY = Path.of("..", "deploy");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DeployedMetricNames() {
	}

	/** Every dashboard file under {@code deploy/grafana}, sorted. */
	public static List<Path> dashboards() {
		try (Stream<Path> files = Files.walk(DEPLOY.resolve("grafana"))) {
			return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static JsonNode read(Path dashboard) {
		return JSON.readTree(dashboard.toFile());
	}

	/**
	 * The PromQL of every panel target of every dashboard, panels inside rows included.
	 */
	public static List<String> dashboardExpressions() {
		List<String> expressions = new ArrayList<>();
		for (Path file : dashboards()) {
			collect(read(file).path("panels"), expressions);
		}
		return expressions;
	}

	private static void collect(JsonNode panels, List<String> expressions) {
		for (JsonNode panel : panels) {
			for (JsonNode target : panel.path("targets")) {
				expressions.add(target.path("expr").asString());
			}
			collect(panel.path("panels"), expressions);
		}
	}

	/** The alert rules, each as a map of its YAML keys. */
	@SuppressWarnings("unchecked")
	public static List<Map<String, Object>> alertRules() {
		try {
			Map<String, Object> rules = new Yaml().load(Files.readString(DEPLOY.resolve("prometheus/alerts.yml")));
			List<Map<String, Object>> all = new ArrayList<>();
			for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
				all.addAll((List<Map<String, Object>>) group.get("rules"));
			}
			return all;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static List<String> alertExpressions() {
		return alertRules().stream().map(rule -> (String) rule.get("expr")).toList();
	}

	/** Every metric name the dashboards and alerts use, the external ones included. */
	public static Set<String> used() {
		Set<String> used = new TreeSet<>();
		Stream.concat(dashboardExpressions().stream(), alertExpressions().stream())
			.forEach(expression -> used.addAll(metricNames(expression)));
		return used;
	}

	/**
	 * The metric names of a PromQL expression: what is left once strings, matchers,
	 * ranges, numbers, label lists and functions are gone. Names keep their suffixes
	 * ({@code _bucket}, {@code _count}, {@code _sum}, {@code _total}, {@code _max}): each
	 * must be a series of its own in the scrape.
	 */
	public static Set<String> metricNames(String expression) {
		String bare = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
			.replaceAll("\\{[^}]*\\}", " ")
			.replaceAll("\\[[^\\]]*\\]", " ")
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
			.replaceAll("\\$\\w+", " ")
			.replaceAll("(?<![\\w:])\\d+(\\.\\d+)?([eE][-+]?\\d+)?", " ");
		Set<String> names = new TreeSet<>();
		Matcher matcher = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(bare);
		while (matcher.find()) {
			if (!PROMQL_WORDS.contains(matcher.group())) {
				names.add(matcher.group());
			}
		}
		return names;
	}

	/**
	 * The series names of a scrape in the Prometheus text format: a histogram appears as
	 * its {@code _bucket}, {@code _count} and {@code _sum} series, a counter as
	 * {@code _total}, exactly as PromQL must name them.
	 */
	public static Set<String> seriesNames(String scrape) {
		Set<String> names = new TreeSet<>();
		for (String line : scrape.split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				names.add(line.split("[{ ]", 2)[0]);
			}
		}
		return names;
	}

	/** The names used but neither exposed nor external. */
	public static Set<String> missing(Set<String> used, Set<String> exposed) {
		Set<String> missing = new TreeSet<>(used);
		missing.removeAll(exposed);
		missing.removeAll(EXTERNAL);
		return missing;
	}

}
