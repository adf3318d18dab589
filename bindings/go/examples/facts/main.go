// Command facts parses a text file with libearnings and prints its facts,
// one a line: entity, metric, period, kind, value and unit, basis, and the
// text that states it.
//
//	go run ./examples/facts FILE
package main

import (
	"fmt"
	"os"

	earnings "github.com/libearnings/libearnings/bindings/go"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: facts FILE")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "facts:", err)
		os.Exit(1)
	}
}

func run(path string) error {
	text, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	engine, err := earnings.NewEngine()
	if err != nil {
		return err
	}
	defer engine.Close()
	doc, err := engine.Parse(text, nil)
	if err != nil {
		return err
	}
	defer doc.Close()
	facts, err := doc.Facts()
	if err != nil {
		return err
	}
	for _, f := range facts {
		value := f.ValueExact
		if value == "" {
			value = fmt.Sprint(f.Value)
		}
		if f.IsRange {
			value = f.LowExact + ".." + f.HighExact
		}
		period := f.Period
		if f.PeriodInferred {
			period += "*"
		}
		fmt.Printf("%-22s %-24s %-8s %-7s %s %s  %s  %q\n", f.EntityName, f.MetricName, period, f.Kind,
			value, f.Unit, f.Basis, f.Text)
	}
	return nil
}
