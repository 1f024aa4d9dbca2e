package score

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
)

// The reference scorers are Python; these helpers reproduce the behaviour of
// the Python string functions and regexp classes they use, character for
// character, so that the Go figures equal the Python ones.
//
// Checked exhaustively over every code point against CPython 3.11 (Unicode
// 14.0): isWord equals re's \w (str patterns), isSpace equals \s and
// str.isspace, casefold equals str.casefold, lower equals str.lower for
// single characters. The only differences come from characters that Go's
// Unicode tables (a newer version) know and the Python build does not.

// isWord reports whether r matches Python's \w: a letter, a number
// (decimal, letter-like or other) or the underscore. Combining marks are not
// word characters for Python, so they split tokens.
func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// isAlnum reports whether r matches Python's [^\W_].
func isAlnum(r rune) bool {
	return r != '_' && isWord(r)
}

// isSpace reports whether r matches Python's \s, which is str.isspace: Go's
// white space plus the information separators U+001C to U+001F.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// Tokenize returns the tokens of the body metric: the runs of word
// characters, as Python's re.findall(r'\w+', text) with re.UNICODE.
func Tokenize(text string) []string {
	var out []string
	start := -1
	for i, r := range text {
		if isWord(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, text[start:])
	}
	return out
}

// fields splits s around runs of white space, as Python's str.split().
func fields(s string) []string {
	return strings.FieldsFunc(s, isSpace)
}

// normWS collapses white space to single spaces and trims, as
// re.sub(r'\s+', ' ', s).strip().
func normWS(s string) string {
	return strings.Join(fields(s), " ")
}

// strip trims white space at both ends, as Python's str.strip().
func strip(s string) string {
	return strings.TrimFunc(s, isSpace)
}

// prefixRunes returns the first n code points of s, as Python's s[:n].
func prefixRunes(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

// casefold is Python's str.casefold: Unicode full case folding. x/text folds
// Cherokee to lower case where Python (following CaseFolding.txt) folds it
// to upper case; that one difference is undone here.
func casefold(s string) string {
	out := cases.Fold().String(s) // a Caser keeps state: one per call
	if !strings.ContainsFunc(out, isCherokeeSmall) {
		return out
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xab70 && r <= 0xabbf:
			return r - 0xab70 + 0x13a0
		case r >= 0x13f8 && r <= 0x13fd:
			return r - 8
		}
		return r
	}, out)
}

func isCherokeeSmall(r rune) bool {
	return (r >= 0xab70 && r <= 0xabbf) || (r >= 0x13f8 && r <= 0x13fd)
}

// lower is Python's str.lower: the full lower-case mapping, which differs
// from strings.ToLower in two places: U+0130 (capital I with dot) becomes
// "i" + U+0307, and a capital sigma at the end of a word becomes the final
// form ς.
func lower(s string) string {
	if !strings.ContainsAny(s, "\u0130\u03a3") {
		return strings.ToLower(s)
	}
	var sb strings.Builder
	sb.Grow(len(s) + 2)
	for i, r := range s {
		switch r {
		case 0x130:
			sb.WriteString("i\u0307")
		case 0x3a3:
			if finalSigma(s, i) {
				sb.WriteRune('ς')
			} else {
				sb.WriteRune('σ')
			}
		default:
			sb.WriteRune(unicode.ToLower(r))
		}
	}
	return sb.String()
}

// finalSigma reports whether the capital sigma at byte i of s is in the
// Final_Sigma context: a cased letter before it (skipping case-ignorable
// characters) and none after it.
func finalSigma(s string, i int) bool {
	before := strings.TrimRightFunc(s[:i], caseIgnorable)
	r, _ := utf8.DecodeLastRuneInString(before)
	if before == "" || !cased(r) {
		return false
	}
	after := strings.TrimLeftFunc(s[i+len("Σ"):], caseIgnorable)
	r, _ = utf8.DecodeRuneInString(after)
	return after == "" || !cased(r)
}

func cased(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) ||
		unicode.Is(unicode.Other_Lowercase, r) || unicode.Is(unicode.Other_Uppercase, r)
}

func caseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', '^', '`', 0xb7, 0x387, 0x55f, 0x5f4, 0x2018, 0x2019, 0x2024, 0x2027,
		0xfe13, 0xfe52, 0xfe55, 0xff07, 0xff0e, 0xff1a:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}
