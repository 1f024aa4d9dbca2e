package extract

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"byline/extract/metadata"
	"byline/extract/quotes"
)

// DefaultMaxSize is the input size limit used when [Options.MaxSize] is 0.
const DefaultMaxSize = 20 << 20

// Errors that callers branch on. Each is wrapped with the detail of the
// failure; test with errors.Is.
var (
	// ErrNotHTML: the input is neither HTML nor text (an image, a PDF,
	// other binary data).
	ErrNotHTML = errors.New("not an HTML page or text")
	// ErrNoContent: the page was read but has no article text.
	ErrNoContent = errors.New("no article content found")
	// ErrTooLarge: the input (or its decompressed form) is over MaxSize.
	ErrTooLarge = errors.New("input too large")
)

// Options adjusts extraction. The zero value (and a nil *Options) works.
// An Options may be shared by concurrent calls; the library never changes it.
type Options struct {
	// URL is the page's address, used to resolve relative links, to fill
	// Article.URL and the site name. Nil means unknown.
	URL *url.URL
	// ContentType is the HTTP Content-Type header the page came with, if
	// any; its charset parameter takes part in decoding.
	ContentType string
	// Explain fills Article.Removed with the blocks of text that were
	// dropped and why.
	Explain bool
	// MaxSize bounds the input in bytes, after gzip decompression.
	// 0 means DefaultMaxSize; a negative value means no limit.
	MaxSize int64
	// Now is the time of extraction: dates later than it are not trusted.
	// The zero value means time.Now().
	Now time.Time
}

func (o *Options) maxSize() int64 {
	switch {
	case o == nil || o.MaxSize == 0:
		return DefaultMaxSize
	case o.MaxSize < 0:
		return 1<<63 - 1
	}
	return o.MaxSize
}

func (o *Options) now() time.Time {
	if o == nil || o.Now.IsZero() {
		return time.Now()
	}
	return o.Now
}

func (o *Options) pageURL() *url.URL {
	if o == nil {
		return nil
	}
	return o.URL
}

// Extract reads one page: HTML, gzip-compressed HTML (recognised by its
// magic bytes), or plain text. It decodes the charset once and parses once.
func Extract(data []byte, opts *Options) (*Article, error) {
	doc, text, err := Parse(data, opts)
	if err != nil {
		return nil, err
	}
	if doc == nil {
		return ExtractText(text, opts)
	}
	return ExtractDocument(doc, opts)
}

// Parse reads a page as [Extract] does (gzip, the size limit, binary and
// JSON refused with [ErrNotHTML], the charset decoded once) and parses it,
// for callers that read the tree themselves before handing it to
// [ExtractDocument]. An HTML page gives its tree; plain text has none, and
// gives a nil tree and its decoded text, for [ExtractText]. The tree has
// every element of the page, but the text of its scripts (JSON-LD
// excepted), style sheets and noscript elements and of its comments is
// left out: byline reads none of it, and it is half a page's bytes. The
// tree is of golang.org/x/net/html's types, and is the tree its parser
// builds (byline parses with a copy of it that allocates less).
func Parse(data []byte, opts *Options) (doc *html.Node, text string, err error) {
	data, err = gunzipIfNeeded(data, opts.maxSize())
	if err != nil {
		return nil, "", err
	}
	if int64(len(data)) > opts.maxSize() {
		return nil, "", fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(data), opts.maxSize())
	}
	ct := ""
	if opts != nil {
		ct = opts.ContentType
	}
	kind := sniff(data, ct)
	switch kind {
	case kindBinary:
		return nil, "", fmt.Errorf("%w: content looks like binary data", ErrNotHTML)
	case kindData:
		return nil, "", fmt.Errorf("%w: content is JSON data", ErrNotHTML)
	}
	decoded, _ := Decode(data, ct)
	if kind == kindText {
		return nil, string(decoded), nil
	}
	doc, err = parseHTML(decoded)
	if err != nil {
		return nil, "", fmt.Errorf("parse HTML: %w", err)
	}
	return doc, "", nil
}

// ExtractDocument extracts the article from a parsed page. It reads the
// metadata from the tree as given, then removes boilerplate from it: the
// tree is changed, so a caller that needs it afterwards must copy it first.
func ExtractDocument(doc *html.Node, opts *Options) (*Article, error) {
	meta := metadata.ReadWith(doc, opts.pageURL(), metadata.Options{Now: opts.now()})
	blocks, removed := findContent(doc, meta, opts != nil && opts.Explain)
	a := newArticle(meta, opts)
	a.setBody(blocks)
	if opts != nil && opts.Explain {
		a.Removed = removed
	}
	if a.Body == "" {
		return a, ErrNoContent
	}
	return a, nil
}

func newArticle(meta *metadata.Metadata, opts *Options) *Article {
	a := &Article{
		Title:        meta.Title,
		Authors:      meta.Authors,
		Published:    meta.Published,
		Modified:     meta.Modified,
		CanonicalURL: meta.CanonicalURL,
		SiteName:     meta.SiteName,
		Language:     meta.Language,
		Description:  meta.Description,
		Image:        meta.Image,
		Tags:         meta.Tags,
		Paywalled:    meta.Paywalled,
		PageType:     meta.Type,
		Quotes:       []quotes.Quote{},
	}
	if a.Authors == nil {
		a.Authors = []string{}
	}
	if u := opts.pageURL(); u != nil {
		a.URL = u.String()
	}
	return a
}

// setBody fills Body, WordCount and Quotes from the content blocks, and
// checks the declared Language against the body's text (detecting it when
// none was declared).
func (a *Article) setBody(blocks []block) {
	paras := make([]string, 0, len(blocks))
	var kinds []quotes.Kind // nil when no paragraph is a block quotation
	for _, b := range blocks {
		if t := strings.TrimSpace(b.text); t != "" {
			if b.quoted && kinds == nil {
				kinds = make([]quotes.Kind, len(paras), len(blocks))
			}
			if kinds != nil {
				k := quotes.Prose
				if b.quoted {
					k = quotes.Blockquote
				}
				kinds = append(kinds, k)
			}
			paras = append(paras, t)
		}
	}
	a.Body = strings.Join(paras, "\n\n")
	a.WordCount = countWords(a.Body)
	a.Quotes = quotes.FindWith(paras, &quotes.Options{Kinds: kinds})
	a.Language = metadata.ResolveLanguage(a.Language, a.Body)
}

// countWords counts the whitespace-separated tokens of s that hold a
// letter or a digit. It reads s once, without splitting it into a slice of
// fields (the body is the longest text of a page): ASCII bytes directly,
// other runes decoded.
func countWords(s string) int {
	// counted is 1 once the current token has been counted, 0 after a
	// space. ASCII bytes update it without branches: a letter after a space
	// is the usual byte, and too hard to guess for a branch.
	n, counted := 0, 0
	for i := 0; i < len(s); i++ {
		k := wordClass[s[i]]
		if k == multiByte {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size - 1
			k = otherByte
			if unicode.IsSpace(r) {
				k = spaceByte
			} else if isWordRune(r) {
				k = wordByte
			}
		}
		word, space := int(k&wordByte), int(k&spaceByte)>>1
		n += word &^ counted
		counted = (counted | word) &^ space
	}
	return n
}

// The classes of bytes countWords tells apart with one look-up (it reads
// the whole body), as bits.
const (
	otherByte = 0 // ASCII punctuation and controls
	wordByte  = 1 // ASCII letters and digits
	spaceByte = 2 // ASCII white space
	multiByte = 4 // the start (or a stray part) of a non-ASCII rune
)

var wordClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = multiByte
		case asciiSpace[c]:
			t[c] = spaceByte
		case asciiWordByte[c]:
			t[c] = wordByte
		}
	}
	return t
}()

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func gunzipIfNeeded(data []byte, limit int64) ([]byte, error) {
	if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
		return data, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	if int64(len(out)) > limit {
		return nil, fmt.Errorf("%w: decompressed size over %d bytes", ErrTooLarge, limit)
	}
	return out, nil
}
