package earnings_test

import (
	"fmt"
	"log"

	earnings "github.com/libearnings/libearnings/bindings/go"
)

func Example() {
	engine, err := earnings.NewEngine()
	if err != nil {
		log.Fatal(err)
	}
	defer engine.Close()

	doc, err := engine.ParseString("AWS营收３３０亿美元，同比增长２０．２％", nil)
	if err != nil {
		log.Fatal(err)
	}
	defer doc.Close()

	tokens, err := doc.Tokens()
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range tokens[:4] {
		fmt.Printf("%-6s [%2d,%2d) %s -> %s\n", t.Type, t.Start, t.End, t.Text, t.NormText)
	}
	// Output:
	// word   [ 0, 3) AWS -> AWS
	// cjk    [ 3, 6) 营 -> 营
	// cjk    [ 6, 9) 收 -> 收
	// number [ 9,18) ３３０ -> 330
}

func ExampleNormalize() {
	norm, err := earnings.NormalizeString("营收３３０亿", nil)
	if err != nil {
		log.Fatal(err)
	}
	defer norm.Close()
	span, _ := norm.MapSpan(6, 9) // "330" in the normalized text
	fmt.Println(norm.Text(), span)
	// Output: 营收330亿 {6 15}
}

func ExampleError() {
	engine, _ := earnings.NewEngine()
	defer engine.Close()
	_, err := engine.Parse([]byte("revenue \xff"), nil)
	if e, ok := err.(*earnings.Error); ok {
		fmt.Println(e.Code == earnings.CodeInvalidUTF8, e.ByteOffset)
	}
	// Output: true 8
}

func ExampleFactSet() {
	engine, err := earnings.NewEngine()
	if err != nil {
		log.Fatal(err)
	}
	defer engine.Close()
	set, err := earnings.NewFactSet()
	if err != nil {
		log.Fatal(err)
	}
	defer set.Close()
	for source, text := range map[string]string{
		"en.txt": "In Q3 2025, AWS revenue was $33.0 billion.",
		"zh.txt": "2025年第三季度，AWS营收330亿美元。",
	} {
		doc, err := engine.ParseString(text, nil)
		if err != nil {
			log.Fatal(err)
		}
		set.AddDoc(doc, source)
		doc.Close()
	}
	groups, err := set.Reconcile()
	if err != nil {
		log.Fatal(err)
	}
	facts, _ := set.Facts()
	for _, g := range groups {
		f := facts[g.Members[0]]
		fmt.Println(f.Entity, f.Metric, f.Period, f.Kind, g.Verdict, len(g.Members))
	}
	// Output: segment:aws metric:revenue 2025Q3 level agree 2
}
