package main

import (
	"runtime/debug"
	"strings"
)

// version is set at link time:
//
//	go build -ldflags "-X main.version=v1.2.3" ./cmd/byline
//
// When it is empty the version comes from the build information.
var version = ""

// buildVersion returns the version byline was built as: the link-time
// version, else the module version recorded by the go command ("v1.2.3"
// after go install byline@v1.2.3), else "devel" plus the VCS revision when
// known.
func buildVersion() string {
	if version != "" {
		return version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev string
	var dirty bool
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	var sb strings.Builder
	sb.WriteString("devel+")
	sb.WriteString(rev)
	if dirty {
		sb.WriteString("-dirty")
	}
	return sb.String()
}
