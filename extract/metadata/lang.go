package metadata

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// langTagRe matches the start of a language tag: language, optional
// script, optional region (ISO 3166 letters or a UN M.49 number).
var langTagRe = regexp.MustCompile(`^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{4}))?(?:[-_]([a-zA-Z]{2}|\d{3}))?(?:[-_.@]|$)`)

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
const detectSample = 2000

// minDetect is the least text (in letters) on which a detected language is
// trusted.
const minDetect = 200

// DetectLanguage guesses the language of text (ISO 639-1, or 639-3 when
// the language has no two-letter code). ok is false when the text is too
// short or the guess unreliable.
func DetectLanguage(text string) (lang string, ok bool) {
	if len(text) > detectSample*3 {
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
	info := whatlanggo.Detect(text)
	if !info.IsReliable() {
		return "", false
	}
	code := info.Lang.Iso6391()
	if code == "" {
		code = info.Lang.Iso6393()
	}
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

// ResolveLanguage gives the article's language from the declared tag and
// the body text: the declared tag when the text agrees with it (or is too
// short to tell), the detected language when nothing is declared or the
// text is clearly in another language.
func ResolveLanguage(declared, body string) string {
	detected, ok := DetectLanguage(body)
	if !ok {
		return declared
	}
	if declared == "" {
		return detected
	}
	primary := declared
	if i := strings.IndexByte(primary, '-'); i >= 0 {
		primary = primary[:i]
	}
	if primary == detected {
		return declared
	}
	if g, ok := confusable[primary]; ok && g == confusable[detected] {
		return declared
	}
	if utf8.RuneCountInString(body) < 4*minDetect {
		return declared
	}
	return detected
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
