//! The repository's fixture articles, for the benchmarks that time the library on our own prose.

pub const FIXTURES: &[&str] = &[
    include_str!("../fixtures/analysis-transition-2025.md"),
    include_str!("../fixtures/feature-caesar-2020.txt"),
    include_str!("../fixtures/geneva-committee-2019.md"),
    include_str!("../fixtures/translated-brahimi-2013.txt"),
    include_str!("../fixtures/wire-moscow-2021.txt"),
    include_str!("../fixtures/workshop-astana-2017.md"),
];
