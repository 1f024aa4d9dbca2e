package extract

import (
	"strings"
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Block scoring finds the element that holds the article. Every paragraph
// of text gives points to the elements above it (its container in full,
// the next one up half, and less further up): more for longer text and
// for commas, none for link lists. An element's score is then weighed by
// its link density and by what its markup says (article, main,
// itemprop=articleBody, class and id hints). The best element wins, and
// its siblings that look like more of the same article join it.

// cand is the score of one element.
type cand struct {
	score      float64
	text, link int // non-space bytes of all text and link text below
	prose      int // non-space bytes of the sentences of prose below
	run        int // prose right after prose: running text, not teasers
	items      int // list items below
	scored     bool
	inited     bool
	node       *html.Node
	// parent is the cand of node's parent; nil above the root.
	parent *cand
}

func (c *cand) linkDensity() float64 {
	if c.text == 0 {
		return 0
	}
	return float64(c.link) / float64(c.text)
}

type scorer struct {
	cands map[*html.Node]*cand
	order []*cand // candidates in the order first met: deterministic ties
	root  *html.Node
	free  []cand // the unused cands of the batch in use
	// batches back the cands, allocated a batch at a time rather than one
	// by one, and kept with the scorer for the next pages; the first used
	// are in use.
	batches [][]cand
	used    int
	hints   hintCache
}

// scorerPool holds scorers between pages: made anew, a page's map and
// order of candidates were a fifth of the memory and of the allocations
// of the body extraction.
var scorerPool = sync.Pool{New: func() any {
	return &scorer{cands: make(map[*html.Node]*cand, 256), order: make([]*cand, 0, 256)}
}}

// newScorer returns an empty scorer of the elements below root.
func newScorer(root *html.Node, hints hintCache) *scorer {
	s := scorerPool.Get().(*scorer)
	s.root, s.hints = root, hints
	return s
}

// release gives s back to scorerPool, emptied (keeping nothing of the
// page): s is not used after.
func (s *scorer) release() {
	clear(s.cands)
	clear(s.order)
	s.order = s.order[:0]
	for _, b := range s.batches[:s.used] {
		clear(b)
	}
	s.used = 0
	s.root, s.free, s.hints = nil, nil, nil
	scorerPool.Put(s)
}

// get returns the cand of n, made with those of n's ancestors up to the
// root when it is new (n first, then up): a block's totals go up the
// parent links, without a map look-up per ancestor. (Above the root, the
// links stop at the document, which is never scored.)
func (s *scorer) get(n *html.Node) *cand {
	c := s.cands[n]
	if c == nil {
		if len(s.free) == 0 {
			if s.used == len(s.batches) {
				// Batches as large as all the cands so far: a few per page.
				s.batches = append(s.batches, make([]cand, max(64, len(s.order))))
			}
			s.free = s.batches[s.used]
			s.used++
		}
		c = &s.free[0]
		s.free = s.free[1:]
		c.node = n
		s.cands[n] = c
		s.order = append(s.order, c)
		if p := n.Parent; n != s.root && p != nil && (p == s.root || p.Type == html.ElementNode) {
			c.parent = s.get(n.Parent)
		}
	}
	return c
}

// selectContent returns the elements that hold the article (the best one and
// the siblings that join it), or nil when no paragraph scored.
func selectContent(root *html.Node, blocks []block, hints hintCache) (map[*html.Node]bool, *scorer) {
	s := newScorer(root, hints)
	prevProse := false
	for i := range blocks {
		b := &blocks[i]
		prose, run := 0, 0
		if isProse(b) {
			prose = b.textLen
			if prevProse {
				run = b.textLen
			}
		}
		prevProse = prose > 0
		for c := s.get(b.node); c != nil; c = c.parent {
			c.text += b.textLen
			c.link += b.linkLen
			c.prose += prose
			c.run += run
			if b.kind == blockListItem {
				c.items++
			}
		}
	}
	for i := range blocks {
		b := &blocks[i]
		if b.textLen < 25 || b.kind == blockHeading {
			continue
		}
		if b.kind == blockListItem && (b.textLen < 100 || b.linkDensity() > 0.2) {
			continue
		}
		pts := 1 + float64(strings.Count(b.text, ",")+strings.Count(b.text, "，")+strings.Count(b.text, "、"))
		pts += min(float64(b.textLen)/100, 3)
		start := b.node
		if isLeafBlock(start) || !hasBlockChild(start) {
			start = start.Parent
		}
		level := 0
		for c := s.get(start); c != nil && level < 5; c = c.parent {
			a := c.node
			if a.Type != html.ElementNode {
				break
			}
			if !c.inited {
				c.inited = true
				c.score += initialScore(a, s.hints)
			}
			c.scored = true
			switch level {
			case 0:
				c.score += pts
			case 1:
				c.score += pts / 2
			default:
				c.score += pts / float64(level*3)
			}
			level++
		}
	}
	var top *html.Node
	best := 0.0
	for _, c := range s.order {
		n := c.node
		if !c.scored {
			continue
		}
		c.score *= 1 - c.linkDensity()
		if top == nil || c.score > best || c.score == best && isAncestor(n, top) {
			top, best = n, c.score
		}
	}
	if top == nil {
		return nil, s
	}
	top, best = s.climb(top)
	if h := headlineArticle(blocks, top, s); h != nil {
		top, best = h, max(s.final(h), best*0.2)
	}
	return s.siblings(top, best), s
}

// headlineArticle returns the post under the page's h1 when the best
// element is a list of other posts (it holds two or more article
// elements) and the h1 lies outside it: a short post beside a long list of
// related posts or quotations. The post is the nearest article element
// around the h1, with a paragraph of text in it. It returns nil otherwise.
func headlineArticle(blocks []block, top *html.Node, s *scorer) *html.Node {
	var h1 *html.Node
	for i := range blocks {
		if blocks[i].node.DataAtom == atom.H1 {
			h1 = blocks[i].node
			break
		}
	}
	if h1 == nil || isAncestor(top, h1) || !holdsArticles(top) {
		return nil
	}
	// The post must be marked up as one (an article element): a live blog's
	// entries under a headline in a plain header stay the content.
	for a := h1.Parent; a != nil && a != s.root; a = a.Parent {
		if isAncestor(a, top) {
			return nil
		}
		if a.DataAtom != atom.Article {
			continue
		}
		if c := s.cands[a]; c != nil && c.text-c.link >= 150 && c.linkDensity() < 0.3 {
			return a
		}
		return nil
	}
	return nil
}

func (s *scorer) final(n *html.Node) float64 {
	if c := s.cands[n]; c != nil && c.scored {
		return c.score
	}
	return 0
}

// climb moves from the best element up to an ancestor when the article
// seems to be spread over several children of it.
func (s *scorer) climb(top *html.Node) (*html.Node, float64) {
	topScore := s.final(top)
	// Several near-best candidates under one ancestor: take the ancestor.
	// The candidates are the five best; three of them must agree.
	var best [5]*html.Node
	for _, c := range s.order {
		n := c.node
		if !c.scored || isAncestor(n, top) || isAncestor(top, n) {
			continue
		}
		for i := range best {
			if best[i] == nil || c.score > s.cands[best[i]].score {
				copy(best[i+1:], best[i:len(best)-1])
				best[i] = n
				break
			}
		}
	}
	var alts []*html.Node
	for _, n := range best[:4] {
		if n != nil && s.cands[n].score >= topScore*0.75 {
			alts = append(alts, n)
		}
	}
	if len(alts) >= 3 {
		for p := top.Parent; p != nil && p != s.root; p = p.Parent {
			k := 0
			for _, a := range alts {
				if isAncestor(p, a) {
					k++
				}
			}
			if k >= 3 {
				top = p
				break
			}
		}
	}
	// Go up while the parent scores better.
	last := s.final(top)
	threshold := last / 3
	for p := top.Parent; p != nil && top != s.root; p = p.Parent {
		c := s.cands[p]
		if c == nil || !c.scored {
			if p == s.root {
				break
			}
			continue
		}
		if c.score < threshold {
			break
		}
		if c.score > last {
			top = p
			break
		}
		last = c.score
		if p == s.root {
			break
		}
	}
	// An only child stands for its parent.
	score := s.final(top)
	for top != s.root && top.Parent != nil && onlyElementChild(top.Parent) == top {
		top = top.Parent
	}
	return top, max(score, s.final(top))
}

// siblings returns top and its siblings that look like more of the article.
func (s *scorer) siblings(top *html.Node, topScore float64) map[*html.Node]bool {
	sel := map[*html.Node]bool{top: true}
	if top == s.root || top.Parent == nil {
		return sel
	}
	threshold := max(10, topScore*0.2)
	topClass := attrOf(top, "class")
	topRun := s.cands[top].run
	for sib := top.Parent.FirstChild; sib != nil; sib = sib.NextSibling {
		if sib == top || sib.Type != html.ElementNode {
			continue
		}
		bonus := 0.0
		if topClass != "" && attrOf(sib, "class") == topClass {
			bonus = topScore * 0.2
		}
		c := s.cands[sib]
		if c == nil || holdsArticles(sib) {
			continue
		}
		if s.final(sib)+bonus >= threshold && c.prose*2 >= c.text {
			sel[sib] = true
			continue
		}
		// A lede or a paragraph wrapped on its own: nothing but prose.
		if c.prose >= 120 && c.prose*10 >= c.text*9 && c.link*10 < c.text && c.items == 0 {
			sel[sib] = true
			continue
		}
		// More paragraphs of the same prose, deeper down.
		if c.run >= max(300, topRun/10) && c.prose*2 >= c.text && c.linkDensity() < 0.3 {
			sel[sib] = true
			continue
		}
		if sib.DataAtom == atom.P {
			ld := c.linkDensity()
			if c.text > 80 && ld < 0.25 {
				sel[sib] = true
			}
		}
	}
	// The article cut into chunks one or two levels up: siblings of the
	// top's ancestors that have the same tag and class and hold prose.
	a := top.Parent
	for level := 0; level < 2 && a != nil && a != s.root && a.Parent != nil; level++ {
		class := attrOf(a, "class")
		if class != "" {
			for sib := a.Parent.FirstChild; sib != nil; sib = sib.NextSibling {
				if sib == a || sib.Type != html.ElementNode || sib.DataAtom != a.DataAtom || attrOf(sib, "class") != class {
					continue
				}
				if c := s.cands[sib]; c != nil && c.prose >= 100 && c.prose*2 >= c.text && c.linkDensity() < 0.3 && !holdsArticles(sib) {
					sel[sib] = true
				}
			}
		}
		a = a.Parent
	}
	return sel
}

// initialScore weighs an element by its tag and by its class and id hints.
func initialScore(n *html.Node, hints hintCache) float64 {
	sc := 0.0
	switch n.DataAtom {
	case atom.Div, atom.Article, atom.Section, atom.Main:
		sc = 5
	case atom.Pre, atom.Td, atom.Blockquote:
		sc = 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		sc = -3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		sc = -5
	}
	if n.DataAtom == atom.Article {
		sc += 10
	}
	var class, id string
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			class = a.Val
		case "id":
			id = a.Val
		case "itemprop":
			if a.Val == "articleBody" {
				sc += 40
			}
		}
	}
	if class != "" || id != "" {
		h := hints.of(class, id)
		if h.negative {
			sc -= 25
		}
		if h.positive {
			sc += 25
		}
	}
	return sc
}

// isProse reports a block of running text: sentences, few links.
func isProse(b *block) bool {
	return b.textLen >= 60 && b.linkLen*4 < b.textLen && endsSentence(b.text) && wordsOver(b.text, 9)
}

// holdsArticles reports an element with two or more article elements in
// it: a list of teasers, not more of one article.
func holdsArticles(n *html.Node) bool {
	k := 0
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.Article {
				if k++; k >= 2 {
					return true
				}
				continue
			}
			if walk(c) {
				return true
			}
		}
		return false
	}
	return walk(n)
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && isBlockTag(c.DataAtom) {
			return true
		}
	}
	return false
}

func onlyElementChild(n *html.Node) *html.Node {
	var only *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.ElementNode:
			if only != nil {
				return nil
			}
			only = c
		case html.TextNode:
			if nonSpace(c.Data) > 0 {
				return nil
			}
		}
	}
	return only
}

// isAncestor reports whether a is n or an ancestor of n.
func isAncestor(a, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
