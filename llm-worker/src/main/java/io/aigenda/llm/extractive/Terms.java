package io.aigenda.llm.extractive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.TextLanguage;

/**
 * Turns text into content terms: lower case, letters only, stop words and meeting fillers
 * dropped, and a light suffix-stripping stem so that "buttons" meets "button" and
 * "кнопки" meets "кнопка".
 */
final class Terms {

	private static final Set<String> EN_STOP = Set.copyOf(List.of("a", "about", "above", "after", "again", "against",
			"all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being",
			"below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "don", "down",
			"during", "each", "even", "few", "for", "from", "further", "get", "got", "had", "has", "have", "having",
			"he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself",
			"just", "let", "ll", "me", "might", "more", "most", "much", "must", "my", "no", "nor", "not", "now", "of",
			"off", "on", "once", "one", "only", "or", "other", "our", "ours", "out", "over", "own", "re", "s", "same",
			"she", "should", "so", "some", "such", "t", "than", "that", "the", "their", "them", "then", "there",
			"these", "they", "thing", "things", "this", "those", "through", "to", "too", "under", "until", "up", "us",
			"ve", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
			"with", "would", "you", "your", "yours", "d", "m", "um", "uh", "mm", "hmm", "mhm", "okay", "ok", "yeah",
			"yes", "yep", "right", "like", "gonna", "wanna", "gotta", "well", "really", "actually", "know", "think",
			"mean", "sort", "kind", "maybe", "probably", "oh", "ah", "eh", "alright", "sure", "go", "going", "say",
			"said", "see", "way", "lot", "bit", "something", "anything", "everything", "stuff", "cool", "good", "great",
			"fine", "want", "need", "make", "one", "two", "three", "first", "last", "hm", "huh", "er", "erm",
			"vocalsound", "disfmarker", "gap", "nonvocalsound", "cos", "cause", "ve", "isn", "aren", "wasn", "didn",
			"doesn", "won", "can't", "pretty", "quite", "still", "already", "yet", "look", "thank", "thanks", "four",
			"five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty",
			"sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "point", "half", "guess", "wondering",
			"sorry", "dunno", "whatever", "else", "anyway", "wait", "hmm-hmm", "mm-hmm", "uh-huh", "nope", "nah"));

	private static final Set<String> RU_STOP = Set.copyOf(List.of("и", "в", "во", "не", "что", "он", "на", "я", "с",
			"со", "как", "а", "то", "все", "всё", "она", "так", "его", "но", "да", "ты", "к", "у", "же", "вы", "за",
			"бы", "по", "только", "ее", "её", "мне", "было", "вот", "от", "меня", "еще", "ещё", "нет", "о", "из", "ему",
			"теперь", "когда", "даже", "ну", "вдруг", "ли", "если", "уже", "или", "ни", "быть", "был", "него", "до",
			"вас", "нибудь", "опять", "уж", "вам", "ведь", "там", "потом", "себя", "ничего", "ей", "может", "они",
			"тут", "где", "есть", "надо", "ней", "для", "мы", "тебя", "их", "чем", "была", "сам", "чтоб", "без",
			"будто", "чего", "раз", "тоже", "себе", "под", "будет", "ж", "тогда", "кто", "этот", "того", "потому",
			"этого", "какой", "совсем", "ним", "здесь", "этом", "один", "почти", "мой", "тем", "чтобы", "нее", "сейчас",
			"были", "куда", "зачем", "всех", "никогда", "можно", "при", "наконец", "два", "об", "другой", "хоть",
			"после", "над", "больше", "тот", "через", "эти", "нас", "про", "всего", "них", "какая", "много", "разве",
			"три", "эту", "моя", "впрочем", "хорошо", "свою", "этой", "перед", "иногда", "лучше", "чуть", "том",
			"нельзя", "такой", "им", "более", "всегда", "конечно", "всю", "между", "это", "эта", "эти", "этот", "ага",
			"угу", "э", "эм", "ммм", "значит", "типа", "короче", "вообще", "просто", "давайте", "давай", "нужно",
			"очень", "наверное", "ладно", "окей", "да", "понятно", "слушайте", "смотрите", "кстати", "будем", "будут",
			"буду", "есть", "нам", "наш", "наша", "наши", "ваш", "который", "которые", "которая", "также", "тоже",
			"какие", "какое", "сказать", "говорю", "думаю", "знаю", "четыре", "пять", "шесть", "семь", "восемь",
			"девять", "десять", "двадцать", "тридцать", "сорок", "пятьдесят", "сто", "тысяча", "одна", "одно", "две",
			"вроде", "как-то", "что-то", "какой-то", "кажется", "хм", "мм", "блин"));

	private static final String[] EN_SUFFIXES = { "ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "ly",
			"s" };

	private static final String[] RU_SUFFIXES = { "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ией",
			"ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ую", "юю", "ов", "ев", "ах", "ях", "ом", "ем", "ам",
			"ям", "ть", "ет", "ит", "ут", "ют", "ат", "ят", "ия", "ие", "ы", "и", "а", "я", "о", "е", "у", "ю", "ь" };

	private Terms() {
	}

	/** Lower-case letter runs of the text, apostrophes kept inside words. */
	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		String lower = text.toLowerCase(Locale.ROOT).replace('ё', 'е');
		for (int i = 0; i < lower.length(); i++) {
			char c = lower.charAt(i);
			if (Character.isLetterOrDigit(c) || (c == '\'' && current.length() > 0)) {
				current.append(c);
			}
			else if (current.length() > 0) {
				words.add(trimApostrophe(current));
				current.setLength(0);
			}
		}
		if (current.length() > 0) {
			words.add(trimApostrophe(current));
		}
		return words;
	}

	/** Content terms of the text, stemmed. */
	static List<String> terms(String text, Language language) {
		List<String> terms = new ArrayList<>();
		for (String word : words(text)) {
			String base = word.contains("'") ? word.substring(0, word.indexOf('\'')) : word;
			if (base.length() < 2 || isStopWord(base) || base.chars().allMatch(Character::isDigit)) {
				continue;
			}
			terms.add(stem(base, language));
		}
		return terms;
	}

	static boolean isStopWord(String word) {
		return EN_STOP.contains(word) || RU_STOP.contains(word);
	}

	static String stem(String word, Language language) {
		String[] suffixes = (TextLanguage.ofWord(word) == Language.RU) ? RU_SUFFIXES : EN_SUFFIXES;
		for (String suffix : suffixes) {
			if (word.endsWith(suffix) && word.length() - suffix.length() >= 3) {
				return word.substring(0, word.length() - suffix.length());
			}
		}
		return word;
	}

	private static String trimApostrophe(StringBuilder word) {
		int end = word.length();
		while (end > 0 && word.charAt(end - 1) == '\'') {
			end--;
		}
		return word.substring(0, end);
	}

}
