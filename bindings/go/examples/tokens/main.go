// Command tokens parses a text file with libearnings and prints its
// sentences, each followed by its tokens.
//
//	go run ./examples/tokens [-han] [-n SENTENCES] FILE
package main

import (
	"flag"
	"fmt"
	"os"

	earnings "github.com/libearnings/libearnings/bindings/go"
)

func main() {
	han := flag.Bool("han", false, "split Han runs into words with ICU's dictionary")
	limit := flag.Int("n", 0, "print at most this many sentences (0: all)")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: tokens [-han] [-n SENTENCES] FILE\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *han, *limit); err != nil {
		fmt.Fprintln(os.Stderr, "tokens:", err)
		os.Exit(1)
	}
}

func run(path string, han bool, limit int) error {
	text, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	engine, err := earnings.NewEngine()
	if err != nil {
		return err
	}
	defer engine.Close()
	doc, err := engine.Parse(text, &earnings.ParseOptions{HanWords: han})
	if err != nil {
		return err
	}
	defer doc.Close()
	tokens, err := doc.Tokens()
	if err != nil {
		return err
	}
	sentences, err := doc.Sentences()
	if err != nil {
		return err
	}
	fmt.Printf("libearnings %s: %s: %d tokens, %d sentences\n",
		earnings.Version(), path, len(tokens), len(sentences))
	for i, s := range sentences {
		if limit > 0 && i == limit {
			break
		}
		fmt.Printf("\nsentence %d [%d,%d): %s\n", s.Index, s.Start, s.End, s.Text)
		for _, t := range tokens[s.FirstToken : s.FirstToken+s.TokenCount] {
			fmt.Printf("  %-8s %-6s [%d,%d) %q", t.Type, t.Script, t.Start, t.End, t.Text)
			if t.NormText != t.Text {
				fmt.Printf(" -> %q", t.NormText)
			}
			if t.Flags != 0 {
				fmt.Printf(" %s", t.Flags)
			}
			fmt.Println()
		}
	}
	return nil
}
