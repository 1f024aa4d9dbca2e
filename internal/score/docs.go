package score

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// Doc is one document of a ground-truth or prediction file: a JSON object
// decoded with json.Number for numbers. A value that is not an object
// becomes a nil Doc, which every scorer treats as empty.
type Doc map[string]any

// Docs is a set of documents keyed by id, in the order of the file (the
// order of bootstrap draws depends on it, as in score.py).
type Docs struct {
	IDs  []string
	ByID map[string]Doc
}

// NewDocs returns an empty set.
func NewDocs() *Docs { return &Docs{ByID: map[string]Doc{}} }

// Add adds or replaces a document. A replaced document keeps its place, as
// in a Python dict.
func (d *Docs) Add(id string, doc Doc) {
	if _, ok := d.ByID[id]; !ok {
		d.IDs = append(d.IDs, id)
	}
	d.ByID[id] = doc
}

// Get returns the document with the id, or nil.
func (d *Docs) Get(id string) Doc { return d.ByID[id] }

// Len is the number of documents.
func (d *Docs) Len() int { return len(d.IDs) }

// ReadDocs reads a file in any form score.py accepts: a JSON object
// {id: {...}}, the wrapped form {"version": ..., "output": {...}}, or JSON
// Lines with one {"id": ..., ...} per line. It also returns the version of
// the wrapped form.
func ReadDocs(path string) (*Docs, string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, "", err
	}
	docs, version, err := ParseDocs(data)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", path, err)
	}
	return docs, version, nil
}

// ParseDocs parses the content of a file as [ReadDocs] does. Like score.py,
// it takes the whole content as one JSON object when it is one, and as JSON
// Lines otherwise.
func ParseDocs(data []byte) (*Docs, string, error) {
	if keys, vals, ok := parseObject(data); ok {
		if len(vals) == 2 && hasKey(vals, "version") && hasKey(vals, "output") {
			if okeys, ovals, ok := parseObject(vals["output"]); ok {
				var version any
				if err := DecodeJSON(vals["version"], &version); err != nil {
					return nil, "", err
				}
				v := ""
				if version != nil {
					v = pyStr(version)
				}
				docs, err := objectDocs(okeys, ovals)
				return docs, v, err
			}
		}
		docs, err := objectDocs(keys, vals)
		return docs, "", err
	}
	docs := NewDocs()
	for n, line := range splitLines(string(data)) {
		line = strip(line)
		if line == "" {
			continue
		}
		var rec any
		if err := DecodeJSON([]byte(line), &rec); err != nil {
			return nil, "", fmt.Errorf("line %d: %w", n+1, err)
		}
		obj, ok := rec.(map[string]any)
		if !ok || !hasKey(obj, "id") {
			return nil, "", fmt.Errorf("line %d: JSON Lines records need an \"id\" field", n+1)
		}
		docs.Add(pyStr(obj["id"]), obj)
	}
	return docs, "", nil
}

func objectDocs(keys []string, vals map[string]json.RawMessage) (*Docs, error) {
	docs := NewDocs()
	for _, k := range keys {
		var v any
		if err := DecodeJSON(vals[k], &v); err != nil {
			return nil, fmt.Errorf("%q: %w", k, err)
		}
		obj, _ := v.(map[string]any)
		docs.Add(k, obj)
	}
	return docs, nil
}

func hasKey[V any](m map[string]V, k string) bool {
	_, ok := m[k]
	return ok
}

// parseObject splits data into the keys and raw values of one JSON object,
// keys in order (a repeated key keeps its first place and its last value,
// as in a Python dict). ok is false when data is not exactly one object.
func parseObject(data []byte) (keys []string, vals map[string]json.RawMessage, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, nil, false
	}
	vals = map[string]json.RawMessage{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, nil, false
		}
		key, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, nil, false
		}
		if !hasKey(vals, key) {
			keys = append(keys, key)
		}
		vals[key] = v
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('}') {
		return nil, nil, false
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, nil, false
	}
	return keys, vals, true
}

// DecodeJSON decodes one JSON value with numbers kept as json.Number.
func DecodeJSON(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("extra data after the JSON value")
	}
	return nil
}

// pyStr renders a decoded JSON value as Python's str() renders the value
// json.loads gives (for strings, numbers, booleans and null; lists and
// objects are rendered as JSON, which is close enough for ids).
func pyStr(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case nil:
		return "None"
	case bool:
		if v {
			return "True"
		}
		return "False"
	case json.Number:
		return v.String()
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// splitLines splits s at line boundaries, as Python's str.splitlines.
func splitLines(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexFunc(s, isLineBreak)
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i])
		r, size := utf8.DecodeRuneInString(s[i:])
		s = s[i+size:]
		if r == '\r' && strings.HasPrefix(s, "\n") {
			s = s[1:]
		}
	}
	return out
}

func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}
