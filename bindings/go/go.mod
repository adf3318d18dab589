module github.com/libearnings/libearnings/bindings/go

go 1.19
