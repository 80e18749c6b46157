//! The `dossier` binary: a language server and a command line over the same library.

mod cli;
mod lsp;

/// The index is hundreds of thousands of small allocations made from several threads at once;
/// glibc's allocator spent a tenth of `dossier check`'s time on them, growing and trimming its
/// heaps (22,449 `mprotect` calls on the generated workspace; this one makes a dozen).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
