package htmlparse

import "unsafe"

// stringArena makes the tree's strings (text, attribute values, unknown
// tag and attribute names) by copying their bytes into shared chunks
// instead of allocating each string on its own: a page has thousands of
// them and the allocations were a large part of parsing. The bytes of a
// chunk are never written again once a string refers to them, so the
// strings are ordinary immutable strings; a chunk lives as long as any of
// its strings does, which for a parsed page is about as long as the tree.
type stringArena struct {
	chunk []byte
}

const (
	arenaChunk = 8 << 10 // bytes in a chunk
	arenaMax   = 1 << 10 // longer strings get an allocation of their own
)

func (a *stringArena) make(b []byte) string {
	switch {
	case len(b) == 0:
		return ""
	case len(b) > arenaMax:
		return string(b)
	}
	if cap(a.chunk)-len(a.chunk) < len(b) {
		a.chunk = make([]byte, 0, arenaChunk)
	}
	start := len(a.chunk)
	a.chunk = append(a.chunk, b...)
	return unsafe.String(&a.chunk[start], len(b))
}
