package metadata

import (
	"compress/gzip"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// decodeAllJSON is decodeAll by encoding/json, building every value: a
// json.Decoder's values up to the first error.
func decodeAllJSON(s string) []any {
	dec := json.NewDecoder(strings.NewReader(s))
	var out []any
	for {
		var v any
		if err := dec.Decode(&v); err != nil {
			return out
		}
		out = append(out, v)
	}
}

// maskUnread replaces, in the objects of a value decoded by
// encoding/json, the values of the keys that decodeAll does not build by
// unread.
func maskUnread(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			if ldKeyRead(k) {
				t[k] = maskUnread(e)
			} else {
				t[k] = unread
			}
		}
	case []any:
		for i, e := range t {
			t[i] = maskUnread(e)
		}
	}
	return v
}

// checkDecodeAll reports where decodeAll differs from encoding/json.
func checkDecodeAll(t *testing.T, s string) {
	t.Helper()
	want := decodeAllJSON(s)
	for i := range want {
		want[i] = maskUnread(want[i])
	}
	if got := decodeAll(s); !reflect.DeepEqual(got, want) {
		t.Errorf("decodeAll(%q)\n got %#v\nwant %#v", s, got, want)
	}
}

var decodeAllCases = []string{
	`{"@type":"NewsArticle","headline":"A \"quoted\" \u00e9t\u00E9 \/ x","articleBody":"long\nbody","author":{"@type":"Person","name":"Jane","sameAs":["a","b"]}}`,
	`[{"@id":"#a","name":"A"},{"@id":"#a"}] `,
	`{"@graph":[{"@type":"WebSite","name":"S","potentialAction":{"target":"x"}},{"@type":"Article","image":{"url":"u","width":1200}}]}`,
	`{"a":1}{"b":2} {"name":3}`,
	`{"a":1}x`, `{"name":1} {"name":`, `x{"a":1}`, `truefalse null 12 -0.5e+3 01 "s""t"`,
	`1.`, `1.x`, `-`, `-01`, `1e`, `1e+`, `2E-2`, `0.1e1`, `1e999`, `{"width":1e999}`, `[1e999]`, `{"name":1e-999}`,
	`{"name":"a","name":"b"}`, `{"x":1,"x":2,"name":[]}`, `{}`, `[]`, `[[]]`, `{"author":[]}`, `{"author":{}}`,
	`[1,]`, `{"a":1,}`, `{"a" 1}`, `{"a":}`, `{,}`, `[,1]`, `{"a":1 "b":2}`, `tru`, `nul`, `nullx`,
	"\"tab\there\"", "{\"name\":\"ctrl\x01\"}", "{\"x\":\"ctrl\x01\"}", `"\x"`, `"\'"`, `"\u12"`, `"\u12g4"`, `"\"`,
	`{"name":"\ud83d\ude00 \ud83d x \ude00 \ud83d\u0041 \ud83d\ud83d\ude00"}`, `{"name":"\ud83d"}`,
	"{\"name\":\"bad \xff utf8 \xe2\x82\"}", "{\"b\xffad\":\"key\"}", "{\"x\":\"bad \xff\"}", "\"\xef\xbf\xbd ok\"",
	`{"@type":["NewsArticle","Article"],"isAccessibleForFree":false,"keywords":["a","b"],"mainEntityOfPage":{"@id":"u"}}`,
	" \t\r\n{\"name\" : \"spaced\" , \"url\" :\n\"u\" }\n ",
	`{"n\u0061me":"escaped key","\u0040id":"x"}`,
	strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
	strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
	`{"x":` + strings.Repeat(`{"y":`, 9998) + `1` + strings.Repeat(`}`, 9999),
	`{"x":` + strings.Repeat(`{"y":`, 9999) + `1` + strings.Repeat(`}`, 10000),
}

func TestDecodeAll(t *testing.T) {
	for _, s := range decodeAllCases {
		checkDecodeAll(t, s)
	}
}

// TestDecodeAllCorpus compares decodeAll with encoding/json on the ld+json
// blocks of the bench pages.
func TestDecodeAllCorpus(t *testing.T) {
	pages, _ := filepath.Glob("../../testdata/bench/*/html/*.html.gz")
	n := 0
	for _, path := range pages {
		src, err := readGzip(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range ldBlocks(string(src)) {
			n++
			b = strings.TrimSpace(b)
			checkDecodeAll(t, b)
			checkDecodeAll(t, trailingCommaRe.ReplaceAllString(escapeControlInStrings(b), "$1"))
		}
	}
	t.Logf("%d blocks", n)
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(z)
}

// ldBlocks are the texts of the ld+json scripts of a page, found
// without parsing it.
func ldBlocks(page string) []string {
	var out []string
	for {
		i := strings.Index(page, "application/ld+json")
		if i < 0 {
			return out
		}
		page = page[i:]
		start := strings.IndexByte(page, '>')
		end := strings.Index(page, "</script")
		if start < 0 || end < start {
			return out
		}
		out = append(out, page[start+1:end])
		page = page[end:]
	}
}

func FuzzDecodeAll(f *testing.F) {
	for _, s := range decodeAllCases {
		if len(s) < 1000 {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkDecodeAll(t, s)
	})
}

// TestLDKeysRead checks that every key the package's code looks up in a
// map by a literal, other than the metas, is one that decodeAll builds
// the values of.
func TestLDKeysRead(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			ix, ok := n.(*ast.IndexExpr)
			if !ok {
				return true
			}
			lit, ok := ix.Index.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			if sel, ok := ix.X.(*ast.SelectorExpr); ok && sel.Sel.Name == "metas" {
				return true
			}
			key, _ := strconv.Unquote(lit.Value)
			if !ldKeyRead(key) {
				t.Errorf("%s: key %q is read but not in ldKeyRead", fset.Position(ix.Pos()), key)
			}
			return true
		})
	}
}
