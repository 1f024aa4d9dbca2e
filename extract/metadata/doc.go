// Package metadata reads an article's metadata (title, authors, dates,
// site, language, canonical URL, description, image, tags, paywall, type)
// from a parsed HTML page. It only reads the tree, in one walk; call it
// before any cleaning. Nothing is guessed: a field the page does not make
// known stays empty.
//
// Files:
//
//	metadata.go   Metadata, Read/ReadWith, FromURL, the choice of authors and dates
//	collect.go    the single walk over the tree (meta, link, ld+json, microdata, time, bylines, headings)
//	jsonld.go     lenient JSON-LD decoding, @graph, @id references, Article subtypes
//	ldjson.go     the JSON decoder, which builds only the values Read looks at
//	meta.go       meta lookups, site name, canonical URL, tags
//	title.go      the headline and the removal of the site name around it
//	authors.go    cleaning of author strings into person names
//	dates.go      machine and written dates, dates in URLs
//	lang.go       BCP 47 normalisation and language detection from text
//
// # Order of trust
//
// For each field the first source that gives a usable value wins.
//
// JSON-LD: every ld+json block is read (HTML comments, CDATA, trailing
// commas, raw newlines in strings and several values in one block are
// tolerated; a block that still fails is skipped), through arrays, @graph
// and mainEntity, with @id references resolved. The article node is the
// node of an Article type (Article, NewsArticle and its subtypes,
// BlogPosting, Report, TechArticle …) whose url, @id or mainEntityOfPage
// is this page's URL or canonical, else whose headline is the page title,
// else the first; without one, a WebPage-like node that has a headline,
// author or date.
//
// Title: JSON-LD headline (or name) of the Article node (a headline cut
// short with "…" loses to a longer og:title that starts with it),
// og:title, twitter:title, Dublin Core title, citation_title /
// parsely-title / sailthru.title, microdata headline, <title>, the only
// <h1>. Then a part that names the site (the site name or the host's name,
// at the start or end, after " | ", " - ", " – ", " — ", " · ", " :: ",
// "_") is removed; when an <h1> equals the longer part of a split title,
// that part is the title. A meta title that is only the site's name and a
// tagline ("Yahoo News - Latest News & Headlines") loses to the <h1> when
// the <title> is that heading.
//
// Authors: JSON-LD author (persons) of the Article node; author metas
// (author, article:author unless a URL, Dublin Core creator,
// parsely-author, sailthru.author, citation_author, byl); microdata
// itemprop=author; rel=author links; and only when none of these names a
// person, byline elements of the page (by itemprop, rel, class or id, or
// data-testid / data-component names; inside the article first; then,
// weakest, a line that opens with "By", "Par", "Von", "Por" and a name;
// never in comments, related lists, sidebars or footers). When these
// sources name only an organisation (an agency, the site), a byline
// element marked up as such (in the article first) that names people with
// given name and surname wins over it: persons from any source outrank
// organisations, and a JSON-LD Organization author, or a meta author equal
// to the site's or the publisher's name, is an organisation. When a byline
// element of the article names every person the metadata gives and more
// ("By Natalie Grover and Colleen Howe" where the meta says "Natalie
// Grover"), the byline's list is taken. The blocks of a byline element are
// separate parts ("<div>By Kirsty Mac Donald</div><div>transport
// correspondent</div>"). In a meta key given both as property= and as
// name= ("og:title", "dc:creator" and "DC.creator" are one key), the
// property values count. Each string is cleaned:
// "By" and its equivalents, dates, times, e-mail addresses, links, handles,
// job titles, desks and degrees ("MS", "Ph.D.") are dropped, and so is
// a credit after a name: "for the X" / "for X" naming a publication or in
// capitals, "special to X", an agency
// ("MARK GILLISPIE Associated Press") or a role after a name in capitals
// ("JOHN SEEWER Staff Writer"); a name in capitals is title-cased; "A and B",
// "A, B", "A & B" (and "und", "et", "y", "e") are split; a part with
// lower-case words (other than particles such as "de", "van") or digits
// is no name. A
// name equal to the site name, an agency credit (Reuters, AP, AFP, dpa …)
// or a JSON-LD Organization author is an organisation: the first one is
// given only when no source names a person.
//
// Published: JSON-LD datePublished (then dateCreated) of the Article node;
// article:published_time and the other publication metas (parsely-pub-date,
// sailthru.date, Dublin Core dates, citation_publication_date, pubdate,
// date …); microdata datePublished; <time> elements and date-classed
// elements of the page (one marked pubdate or "published" first, then the
// first in the article that is not an update; never in comments or related
// lists; a date after a publication label, "Published on", "Publié le",
// "publiziert am", "publicado el", "pubblicato il", "Опубликовано", also
// when label and date are in separate elements, counts as marked); a
// written date in the byline; a written date in a short header line under
// the first <h1> ("Staff report · October 4, 2024"; up to 80 characters,
// so a standfirst that mentions a date does not count); a full date in the
// URL path (/2024/05/17/, /2024-05-17/, /20240517/) of the page, else of
// its rel=canonical or og:url. Written dates are read in English, German,
// French, Spanish, Italian, Portuguese, Dutch and Russian, as "May 17,
// 2024", "17 May 2024", "17. Mai 2024", "17 de mayo de 2024", "17.05.2024",
// "2024-05-17" or "November 20 15:23 2019". Modified: JSON-LD
// dateModified, article:modified_time, og:updated_time and the like,
// microdata dateModified. A date later than
// the time of extraction is dropped, and so is a modification before the
// publication.
//
// # Time zones
//
// Written dates are read with the time of day and zone written next to
// them ("May 17, 2024 at 3:46 PM EDT", "30 avril 2015 à 07h19", "5 March
// 2024, 14:30 GMT", "17.05.2024, 14:30 Uhr MESZ"): zone abbreviations,
// "GMT+2"/"UTC-05:00", and ET, CT, MT, PT by the US daylight-saving rule.
// A date that names its zone keeps it; one in UTC that the page gives
// elsewhere as the same instant with an offset takes that offset. A date
// without a zone (a day such as "5 March 2024" or /2024/03/05/, or a time
// of day with no zone) is read in the page's zone, the offset of the first
// of its dates that names one (machine-readable values first). A day
// without a time is midnight: RFC 3339 has no form for a bare day, so
// "2024-03-05T00:00:00+01:00" stands for the day, not for that minute.
// When the page names no zone at all, a value without one keeps only its
// day, as "2024-03-05T00:00:00Z": "6:45 p.m." given as 18:45 UTC would
// claim an instant the page never gave, and the day is what stays right.
// Compare the first ten characters when only the day matters.
//
// Site name: og:site_name (the JSON-LD publisher's form of the same name
// when og:site_name is a slug, a domain or carries a legal suffix), the
// JSON-LD publisher of the article, a JSON-LD WebSite or Organization
// name, application-name and publisher metas; a tagline after " | " or
// " - " is dropped; else the host name without "www." (only for a real domain name: not for
// "localhost", bare host names or IP addresses).
//
// Language: <html lang>, Content-Language, language metas, JSON-LD
// inLanguage, og:locale, normalised to BCP 47 ("en_us" -> "en-US").
// [ResolveLanguage] then checks it against the body text: with nothing
// declared, or a declaration that the text clearly contradicts, the
// language detected from the text (whatlanggo) is given.
//
// Canonical URL: link rel=canonical, og:url, the JSON-LD url or
// mainEntityOfPage, resolved against <base> and the page URL; a canonical
// that points to the home page from a deeper page is ignored. On an AMP
// page rel=canonical names the regular page.
//
// Description: og:description, description, twitter:description, Dublin
// Core description, JSON-LD description. Image: og:image, twitter:image,
// JSON-LD image, microdata image, link rel=image_src, absolute. Tags:
// article:tag and JSON-LD keywords, else the keywords metas
// (news_keywords, keywords, parsely-tags, sailthru.tags), split at commas
// and semicolons and de-duplicated ignoring case. Paywalled: JSON-LD
// isAccessibleForFree false. Type: og:type, else the JSON-LD @type of the
// article node, lower-cased.
package metadata
