package metadata

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"

	"byline/internal/fastre"
)

// langTagRe matches the start of a language tag: language, optional
// script, optional region (ISO 3166 letters or a UN M.49 number).
var langTagRe = fastre.MustCompile(`^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{4}))?(?:[-_]([a-zA-Z]{2}|\d{3}))?(?:[-_.@]|$)`)

// NormalizeLanguage turns a declared language ("en_US", "EN-us", "pt-br,
// en", "fr-FR.UTF-8") into a BCP 47 tag ("en-US", "pt-BR", "fr-FR"). It
// returns "" for what is not a language ("x-default", "und", "mul").
func NormalizeLanguage(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, ",; "); i >= 0 {
		s = s[:i]
	}
	m := langTagRe.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	lang := strings.ToLower(m[1])
	switch lang {
	case "und", "mul", "zxx", "mis":
		return ""
	}
	out := lang
	if m[2] != "" {
		out += "-" + strings.ToUpper(m[2][:1]) + strings.ToLower(m[2][1:])
	}
	if m[3] != "" {
		out += "-" + strings.ToUpper(m[3])
	}
	return out
}

// declaredLanguage: <html lang>, Content-Language, language metas, the
// JSON-LD inLanguage, og:locale.
func declaredLanguage(p *page, ld *ldData) string {
	cands := []string{p.htmlLang, p.meta("content-language"), p.meta("language", "dc.language", "dcterms.language", "citation_language")}
	if ld.article != nil {
		cands = append(cands, ldString(ld.article["inLanguage"]))
	}
	cands = append(cands, p.meta("og:locale"))
	for _, c := range cands {
		if l := NormalizeLanguage(c); l != "" {
			return l
		}
	}
	return ""
}

// detectSample bounds the text given to the detector: enough for a
// reliable guess, cheap on long pages.
const detectSample = 600

// minDetect is the least text (in letters) on which a detected language is
// trusted.
const minDetect = 200

// DetectLanguage guesses the language of text (ISO 639-1, or 639-3 when
// the language has no two-letter code). ok is false when the text is too
// short or the guess unreliable.
func DetectLanguage(text string) (lang string, ok bool) {
	if len(text) > detectSample*6 {
		// Skip the start (often a dateline or a caption) on long texts.
		text = text[len(text)/8:]
	}
	text = truncateRunes(text, detectSample)
	letters := 0
	for _, r := range text {
		if r > ' ' {
			letters++
		}
	}
	if letters < minDetect {
		return "", false
	}
	l, confidence := detectLang(text)
	if confidence <= whatlanggo.ReliableConfidenceThreshold { // not whatlanggo's IsReliable
		return "", false
	}
	code := langCode(l)
	return code, code != ""
}

// confusable groups languages the detector tells apart poorly; a declared
// language is not overruled by another of its group.
var confusable = map[string]string{
	"nb": "no", "nn": "no", "no": "no", "da": "no",
	"hr": "sh", "sr": "sh", "bs": "sh", "sh": "sh",
	"ms": "ms", "id": "ms",
	"zh": "zh", "cmn": "zh", "yue": "zh",
	"pt": "pt", "gl": "pt",
	"cs": "cs", "sk": "cs",
	"ru": "ru", "uk": "ru", "be": "ru",
	"ca": "ca", "es": "es",
	"fa": "fa", "ur": "fa",
}

// stopwords are the commonest function words of the main Latin-script news
// languages: a detected language must show its own, and a declared one be
// short of them, before the text overrules a declaration. The detector
// alone takes Latin filler text ("lorem ipsum") for Portuguese.
var stopwords = map[string]map[string]bool{}

func init() {
	for lang, words := range map[string]string{
		"en": "the of and to a in is that for it on was with as by at be this are from has have he said not but his an they which",
		"de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei",
		"fr": "le la les de des et en un une du est que qui dans pour par sur au pas plus ne se il a avec ce sont aux",
		"es": "el la de que y en los del se las por un para con no una su al es lo como más pero sus le ya o fue este",
		"pt": "o a de que e do da em um para com não uma os no se na por mais as dos como mas ao ele das à seu sua ou foi",
		"it": "il di che e la per un in è non una del della le si da i al con sono lo gli ha come più anche ma alla nel",
		"nl": "de het een van en in is dat op te zijn voor met die niet aan er ook als bij door maar om dan nog wordt",
		"sv": "och i att det som en på är av för med till den har de inte om ett var men från så kan",
		"pl": "i w na z się nie do to że jest o jak po co ale od za przez dla jego tak już",
		"cs": "a se na je v že to s z do o by jako ale jsou pro za jak po jeho které který",
		"tr": "ve bir bu da de için ile çok ne daha gibi olarak olan ama kadar sonra her",
		"id": "dan yang di ini itu dengan untuk dari dalam tidak akan pada juga ke ada karena oleh",
	} {
		set := map[string]bool{}
		for _, w := range strings.Fields(words) {
			set[w] = true
		}
		stopwords[lang] = set
	}
}

// stopShare is the share of the first words of text that are stopwords of
// lang, or -1 when lang has no list.
func stopShare(text, lang string) float64 {
	set, ok := stopwords[lang]
	if !ok {
		return -1
	}
	// Each word is lower-cased into buf, not the whole text: the same
	// words, as lower-casing turns no letter into a non-letter or back
	// (TestLowerKeepsLetters).
	n, hits := 0, 0
	var buf [32]byte
	for w := range letterWords(text) {
		n++
		lw := buf[:0]
		for _, r := range w {
			lw = utf8.AppendRune(lw, unicode.ToLower(r))
		}
		if set[string(lw)] {
			hits++
		}
		if n == 300 {
			break
		}
	}
	if n == 0 {
		return 0
	}
	return float64(hits) / float64(n)
}

// letterWords yields the runs of letters of s, as strings.FieldsFunc
// splitting at non-letters gives them, without making the slice.
func letterWords(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := -1
		for i, r := range s {
			if unicode.IsLetter(r) {
				if start < 0 {
					start = i
				}
				continue
			}
			if start >= 0 {
				if !yield(s[start:i]) {
					return
				}
				start = -1
			}
		}
		if start >= 0 {
			yield(s[start:])
		}
	}
}

// ResolveLanguage gives the article's language from the declared tag and
// the body text: the declared tag when the text agrees with it (or is too
// short to tell), the detected language when nothing is declared or the
// text is clearly in another language.
func ResolveLanguage(declared, body string) string {
	if declared == "" {
		detected, ok := DetectLanguage(body)
		if !ok {
			return ""
		}
		if share := stopShare(truncateRunes(body, 4*detectSample), detected); share >= 0 && share < 0.08 {
			// The detector's guess lacks the language's own function words.
			return ""
		}
		return detected
	}
	if plainlyIn(declared, body) {
		return declared // what the detector would confirm, at a fraction of its cost
	}
	// The detector (the costly part) runs only when the text may overrule
	// the declaration: a long text, short of the declared language's
	// function words.
	if !hasRunes(body, 4*minDetect) {
		return declared
	}
	primary := declared
	if i := strings.IndexByte(primary, '-'); i >= 0 {
		primary = primary[:i]
	}
	sample := truncateRunes(body, 4*detectSample)
	if share := stopShare(sample, primary); share > 0.05 {
		// The declared language's function words are there: a mixed or
		// quoted text, not a wrong declaration.
		return declared
	}
	detected, ok := DetectLanguage(body)
	if !ok || primary == detected {
		return declared
	}
	if g, ok := confusable[primary]; ok && g == confusable[detected] {
		return declared
	}
	if share := stopShare(sample, detected); share >= 0 && share < 0.08 {
		// The detector's guess lacks the language's own function words.
		return declared
	}
	return detected
}

// hasRunes reports whether s holds n runes or more, counting no further.
func hasRunes(s string, n int) bool {
	if len(s) < n {
		return false
	}
	i := 0
	for range s {
		if i++; i >= n {
			return true
		}
	}
	return false
}

func truncateRunes(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos]
		}
		i++
	}
	return s
}

// functionWords lists, for the languages most news is written in, common
// words that are rare in the others: in running text of the language they
// make a quarter to a third of the words, elsewhere a few percent.
var functionWords = map[string]map[string]bool{
	"en": wordSet("the of and to that for with was is are this from said have has were which been their would will they who not its by at on an his her"),
	"de": wordSet("der die das und den dem des nicht sich mit ist auf eine einen einer auch sie für von zu im wird wurde sind hat dass nach bei"),
	"fr": wordSet("le la les des et est une dans pour que qui sur pas du au par avec ce il elle sont ont été plus mais"),
	"es": wordSet("el la los las del y que en un una por con para es se su al lo como más pero sus fue ha"),
	"it": wordSet("il la di che e della del per un una sono gli non nel alla si con le dei ha è anche delle"),
	"pt": wordSet("o a os as de do da dos das e que em um uma para com não no na por se mais foi ao"),
	"nl": wordSet("de het een en van is dat op te voor met zijn niet die aan ook er bij werd heeft naar"),
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// plainlyIn reports whether the text is plainly in the declared language:
// at least 60 words in the detector's sample, a fifth of them function
// words of that language. It only answers for the languages listed in
// functionWords; the detector decides the rest.
func plainlyIn(declared, text string) bool {
	primary := declared
	if i := strings.IndexByte(primary, '-'); i >= 0 {
		primary = primary[:i]
	}
	words := functionWords[primary]
	if words == nil {
		return false
	}
	if len(text) > detectSample*3 {
		text = text[len(text)/8:]
	}
	text = truncateRunes(text, detectSample)
	var n, hits int
	var buf [32]byte
	for f := range letterWords(text) {
		n++
		if len(f) > len(buf) {
			continue
		}
		w := buf[:0]
		for _, r := range f {
			w = utf8.AppendRune(w, unicode.ToLower(r))
		}
		if words[string(w)] {
			hits++
		}
	}
	return n >= 60 && hits*5 >= n
}
