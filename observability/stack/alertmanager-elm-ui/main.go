// Writes out the compiled Elm UI that Alertmanager's module carried up to v0.31 (asset/assets_vfsdata.go, generated
// by vfsgen), so that observability/stack/install.sh can embed it in a newer Alertmanager, whose module ships the
// UI's sources only (its Elm compiler fetches packages from a site these machines cannot reach).
//
// install.sh copies assets_vfsdata.go beside this file, renamed into package main, and runs:
//
//	go run . <output folder>
package main

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
)

func main() {
	if len(os.Args) != 2 {
		os.Stderr.WriteString("usage: go run . OUTPUT_FOLDER\n")
		os.Exit(2)
	}
	if err := writeTree(Assets, "/static", os.Args[1]); err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		os.Exit(1)
	}
}

func writeTree(fs http.FileSystem, from, to string) error {
	dir, err := fs.Open(from)
	if err != nil {
		return err
	}
	defer dir.Close()
	entries, err := dir.Readdir(-1)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		return err
	}
	for _, entry := range entries {
		source, target := from+"/"+entry.Name(), filepath.Join(to, entry.Name())
		if entry.IsDir() {
			if err := writeTree(fs, source, target); err != nil {
				return err
			}
			continue
		}
		if err := copyFile(fs, source, target); err != nil {
			return err
		}
	}
	return nil
}

func copyFile(fs http.FileSystem, source, target string) error {
	in, err := fs.Open(source)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(target)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
