//! The `dossier` binary: a language server and a command line over the same library.

mod cli;
mod lsp;

fn main() -> std::process::ExitCode {
    cli::main()
}
