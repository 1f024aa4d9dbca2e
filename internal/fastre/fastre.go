// Package fastre wraps regexp with a literal prefilter: most patterns that
// classify text (class names, boilerplate wording) can only match a string
// that contains one of a few words, and checking for those words is far
// cheaper than running the regexp, which in Go means the backtracker or
// the NFA on every class attribute or paragraph of a page.
//
// MustCompile derives, from the parsed pattern, a set of literals such that
// every match contains at least one of them (compared under case folding),
// or finds that there is no such set and then always runs the regexp. The
// search methods answer "no match" at once when no literal occurs; results
// are otherwise those of regexp.
//
// Two kinds of pattern skip the literal scan, which would cost more than it
// saves: one anchored at the start of the text ("^…") is checked only for
// the bytes a match can start with (the regexp then tries one position),
// and one with a literal prefix is left to regexp, which looks for the
// prefix with strings.Index.
//
// Compilation is deferred to the first use: a command that loads dozens of
// large patterns (word lists in many languages) would otherwise spend
// several milliseconds of its start-up compiling patterns that one run may
// never need. An invalid pattern therefore panics on first use rather than
// at init; every pattern is used by its package's tests.
package fastre

import (
	"bytes"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Regexp is a regular expression with a prefilter. It is safe for
// concurrent use.
type Regexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
	lits [][]byte // canonically folded; nil: no such set
	// first holds the first bytes of the matches of a pattern anchored at
	// the start of the text (with U+FFFD's for invalid UTF-8); nil: none.
	first *[256]bool
	// scan: the literal prefilter is used.
	scan bool
}

// MustCompile returns expr as a Regexp, to be compiled on first use (where
// it panics if expr is not a valid regexp).
func MustCompile(expr string) *Regexp {
	return &Regexp{expr: expr}
}

func (r *Regexp) init() {
	r.once.Do(func() {
		r.re = regexp.MustCompile(r.expr)
		tree, err := syntax.Parse(r.expr, syntax.Perl)
		if err != nil {
			return
		}
		tree = tree.Simplify()
		if lits, ok := required(tree); ok {
			for _, l := range lits {
				r.lits = append(r.lits, []byte(l))
			}
		}
		if anchored(tree) {
			var set [256]bool
			if nullable := firstBytes(tree, &set); !nullable {
				r.first = &set
				return
			}
		}
		prefix, _ := r.re.LiteralPrefix()
		r.scan = r.lits != nil && prefix == ""
	})
}

// Regexp returns the compiled *regexp.Regexp, for methods Regexp does not
// wrap.
func (r *Regexp) Regexp() *regexp.Regexp {
	r.init()
	return r.re
}

// String returns the source text of the pattern.
func (r *Regexp) String() string { return r.expr }

// NumSubexp is regexp.NumSubexp.
func (r *Regexp) NumSubexp() int { return r.Regexp().NumSubexp() }

// SubexpNames is regexp.SubexpNames.
func (r *Regexp) SubexpNames() []string { return r.Regexp().SubexpNames() }

// SubexpIndex is regexp.SubexpIndex.
func (r *Regexp) SubexpIndex(name string) int { return r.Regexp().SubexpIndex(name) }

// Literals returns the folded literals one of which every match contains;
// nil when the pattern has no such set.
func (r *Regexp) Literals() []string {
	r.init()
	var out []string
	for _, l := range r.lits {
		out = append(out, string(l))
	}
	return out
}

// mayMatch reports whether s may hold a match: it starts with a byte a
// match of an anchored pattern starts with, or it contains one of the
// required literals.
func (r *Regexp) mayMatch(s string) bool {
	r.init()
	if r.first != nil {
		if s == "" {
			return false
		}
		b := s[0]
		if c, n := utf8.DecodeRuneInString(s); c == utf8.RuneError && n == 1 {
			b = "\uFFFD"[0] // the regexp reads an invalid byte as U+FFFD
		}
		return r.first[b]
	}
	if !r.scan {
		return true
	}
	// Folded on the stack up to a paragraph's length (the boilerplate
	// rules read blocks of up to 600 bytes); longer text allocates.
	var buf [1024]byte
	folded := fold(buf[:0], s)
	for _, l := range r.lits {
		if bytes.Contains(folded, l) {
			return true
		}
	}
	return false
}

// MatchString reports whether s contains a match of the regexp.
func (r *Regexp) MatchString(s string) bool {
	return r.mayMatch(s) && r.re.MatchString(s)
}

// Match is regexp.Match (on bytes) with the prefilter.
func (r *Regexp) Match(b []byte) bool {
	return r.mayMatch(string(b)) && r.re.Match(b)
}

// FindString is regexp.FindString with the prefilter.
func (r *Regexp) FindString(s string) string {
	if !r.mayMatch(s) {
		return ""
	}
	return r.re.FindString(s)
}

// FindStringIndex is regexp.FindStringIndex with the prefilter.
func (r *Regexp) FindStringIndex(s string) []int {
	if !r.mayMatch(s) {
		return nil
	}
	return r.re.FindStringIndex(s)
}

// FindStringSubmatch is regexp.FindStringSubmatch with the prefilter.
func (r *Regexp) FindStringSubmatch(s string) []string {
	if !r.mayMatch(s) {
		return nil
	}
	return r.re.FindStringSubmatch(s)
}

// FindStringSubmatchIndex is regexp.FindStringSubmatchIndex with the
// prefilter.
func (r *Regexp) FindStringSubmatchIndex(s string) []int {
	if !r.mayMatch(s) {
		return nil
	}
	return r.re.FindStringSubmatchIndex(s)
}

// FindAllString is regexp.FindAllString with the prefilter.
func (r *Regexp) FindAllString(s string, n int) []string {
	if !r.mayMatch(s) {
		return nil
	}
	return r.re.FindAllString(s, n)
}

// FindAllStringIndex is regexp.FindAllStringIndex with the prefilter.
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	if !r.mayMatch(s) {
		return nil
	}
	return r.re.FindAllStringIndex(s, n)
}

// FindAllStringSubmatch is regexp.FindAllStringSubmatch with the prefilter.
func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	if !r.mayMatch(s) {
		return nil
	}
	return r.re.FindAllStringSubmatch(s, n)
}

// FindAllStringSubmatchIndex is regexp.FindAllStringSubmatchIndex with the
// prefilter.
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !r.mayMatch(s) {
		return nil
	}
	return r.re.FindAllStringSubmatchIndex(s, n)
}

// ReplaceAllString is regexp.ReplaceAllString with the prefilter.
func (r *Regexp) ReplaceAllString(src, repl string) string {
	if !r.mayMatch(src) {
		return src
	}
	return r.re.ReplaceAllString(src, repl)
}

// ReplaceAllLiteralString is regexp.ReplaceAllLiteralString with the
// prefilter.
func (r *Regexp) ReplaceAllLiteralString(src, repl string) string {
	if !r.mayMatch(src) {
		return src
	}
	return r.re.ReplaceAllLiteralString(src, repl)
}

// ReplaceAllStringFunc is regexp.ReplaceAllStringFunc with the prefilter.
func (r *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	if !r.mayMatch(src) {
		return src
	}
	return r.re.ReplaceAllStringFunc(src, repl)
}

// Split is regexp.Split with the prefilter.
func (r *Regexp) Split(s string, n int) []string {
	if !r.mayMatch(s) {
		if n == 0 {
			return nil
		}
		return []string{s}
	}
	return r.re.Split(s, n)
}

// anchored reports a pattern whose every match starts at the start of the
// text.
func anchored(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginText:
		return true
	case syntax.OpCapture:
		return anchored(re.Sub[0])
	case syntax.OpConcat:
		return len(re.Sub) > 0 && anchored(re.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !anchored(sub) {
				return false
			}
		}
		return true
	}
	return false
}

// firstBytes adds to set the first bytes of the UTF-8 strings re matches,
// and reports whether re matches the empty string (then a match may start
// with anything that follows it). A set of runes adds the leading bytes of
// its range: more than needed, never less.
func firstBytes(re *syntax.Regexp, set *[256]bool) (nullable bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		r := re.Rune[0]
		addRunes(set, r, r)
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				addRunes(set, f, f)
			}
		}
		return false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			addRunes(set, re.Rune[i], re.Rune[i+1])
		}
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return firstBytes(re.Sub[0], set)
	case syntax.OpStar, syntax.OpQuest:
		firstBytes(re.Sub[0], set)
		return true
	case syntax.OpRepeat:
		return firstBytes(re.Sub[0], set) || re.Min == 0
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !firstBytes(sub, set) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if firstBytes(sub, set) {
				nullable = true
			}
		}
		return nullable
	}
	// OpAnyChar, OpAnyCharNotNL and any other: anything.
	for b := range set {
		set[b] = true
	}
	return true
}

// addRunes adds the leading bytes of the runes lo to hi to set (leading
// bytes grow with the runes).
func addRunes(set *[256]bool, lo, hi rune) {
	var a, b [utf8.UTFMax]byte
	utf8.EncodeRune(a[:], lo)
	utf8.EncodeRune(b[:], hi)
	for c := int(a[0]); c <= int(b[0]); c++ {
		set[c] = true
	}
}

// required returns literals one of which occurs in every string matched by
// re, or ok=false when no such set is known.
func required(re *syntax.Regexp) (lits []string, ok bool) {
	if e, ok := exact(re); ok && !slices.Contains(e, "") {
		return dedup(e), true
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			l, ok := required(sub)
			if !ok {
				return nil, false
			}
			lits = append(lits, l...)
		}
		return dedup(lits), true
	case syntax.OpConcat:
		// Any one candidate will do: the strings of a run of operands
		// with finitely many strings each, or one operand's own set.
		// Take the one whose shortest literal is longest (fewest chance
		// hits), then the smallest.
		var best []string
		bestMin := 0
		consider := func(l []string) {
			if m := minLen(l); m > bestMin || m == bestMin && len(l) < len(best) {
				best, bestMin = l, m
			}
		}
		flush := func(run []string) {
			if !slices.Contains(run, "") {
				consider(dedup(run))
			}
		}
		run := []string{""}
		for _, sub := range re.Sub {
			if e, ok := exact(sub); ok {
				if next := product(run, e); next != nil {
					run = next
					continue
				}
				flush(run)
				run = e // too many strings: start a new run here
				continue
			}
			flush(run)
			run = []string{""}
			if l, ok := required(sub); ok {
				consider(l)
			}
		}
		flush(run)
		if best != nil {
			return best, true
		}
	}
	return nil, false
}

// maxExact bounds the sets of strings exact works with.
const maxExact = 64

// exact returns every string re can match, folded, when they are few;
// empty-width assertions match "" (for containment they add nothing).
func exact(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{string(fold(nil, string(re.Rune)))}, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []string{""}, true
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] >= maxExact || len(out) >= maxExact {
				return nil, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, string(fold(nil, string(r))))
			}
		}
		out = uniq(out)
		return out, len(out) > 0 && len(out) <= maxExact
	case syntax.OpCapture:
		return exact(re.Sub[0])
	case syntax.OpQuest:
		e, ok := exact(re.Sub[0])
		return uniq(append(e, "")), ok
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			e, ok := exact(sub)
			if !ok {
				return nil, false
			}
			out = append(out, e...)
		}
		out = uniq(out)
		return out, len(out) <= maxExact
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			e, ok := exact(sub)
			if !ok {
				return nil, false
			}
			if out = product(out, e); out == nil {
				return nil, false
			}
		}
		return out, true
	case syntax.OpRepeat:
		if re.Max < 0 || re.Max > 3 {
			return nil, false
		}
		e, ok := exact(re.Sub[0])
		if !ok {
			return nil, false
		}
		var out []string
		k := []string{""}
		for i := 0; i <= re.Max; i++ {
			if i >= re.Min {
				out = append(out, k...)
			}
			if k = product(k, e); k == nil {
				return nil, false
			}
		}
		out = uniq(out)
		return out, len(out) <= maxExact
	}
	return nil, false
}

// product returns every a+b, or nil when there would be too many.
func product(as, bs []string) []string {
	if len(as)*len(bs) > maxExact {
		return nil
	}
	out := make([]string, 0, len(as)*len(bs))
	for _, a := range as {
		for _, b := range bs {
			out = append(out, a+b)
		}
	}
	return uniq(out)
}

func uniq(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}

func minLen(lits []string) int {
	m := -1
	for _, l := range lits {
		if m < 0 || len(l) < m {
			m = len(l)
		}
	}
	return m
}

// dedup drops literals that contain another literal of the set: a string
// holding the longer one holds the shorter.
func dedup(lits []string) []string {
	out := lits[:0:0]
	for i, l := range lits {
		redundant := false
		for j, o := range lits {
			if i != j && strings.Contains(l, o) && (len(o) < len(l) || j < i) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, l)
		}
	}
	return out
}

// fold appends s with every rune replaced by the smallest rune of its
// simple case-folding orbit ('s', 'S' and 'ſ' all become 'S'), so that a
// literal occurs in a string under case folding if and only if its folded
// form occurs in the folded string, and a literal that occurs exactly
// occurs folded too.
func fold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		// An invalid byte is U+FFFD to the regexp, as r says.
		dst = utf8.AppendRune(dst, canon(r))
	}
	return dst
}

// canon returns the smallest rune of r's simple folding orbit.
func canon(r rune) rune {
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < m {
			m = f
		}
	}
	return m
}
