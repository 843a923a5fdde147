//! `spaces`: the native data tools for `public/data/spaces.json`.
//!
//! ```text
//! spaces validate FILE                       check every rule; exit 0 only when clean
//! spaces stats FILE                          counts by district, status and service
//! spaces import FILE.csv|FILE.xlsx --out OUT [--crs wgs84|gcj02|bd09] [--as-of YYYY-MM-DD] [--source TEXT]
//! spaces generate [--seed N] [--count N] [--out FILE]   the deterministic sample dataset
//! spaces keys FILE                           recompute the pinyin search keys in place
//! spaces split FILE --out DIR                DIR/index.json and DIR/parts/<district>.json
//! ```

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    match cli::run(std::env::args().skip(1).collect()) {
        Ok(code) => std::process::ExitCode::from(code),
        Err(message) => {
            eprintln!("spaces: {message}");
            std::process::ExitCode::from(2)
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use charity_finder::domain::boundaries::Boundaries;
    use charity_finder::domain::coords::Crs;
    use charity_finder::domain::load::parse_dataset;
    use charity_finder::domain::model::{Dataset, Meta, Totals, SCHEMA_VERSION};
    use charity_finder::tools::{generate, import, keys, split, stats, streets, to_json, validate};

    const USAGE: &str = "usage: spaces validate FILE | stats FILE | import FILE.csv|FILE.xlsx --out OUT [--crs wgs84|gcj02|bd09] [--as-of DATE] [--source TEXT] | generate [--seed N] [--count N] [--out FILE] | keys FILE | split FILE --out DIR";

    fn boundaries() -> Result<Boundaries, String> {
        Boundaries::from_geojson(include_str!("../../public/data/districts.geojson"))
    }

    fn option(args: &[String], name: &str) -> Option<String> {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
    }

    fn read(path: &str) -> Result<String, String> {
        std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
    }

    fn write(path: Option<String>, text: &str) -> Result<(), String> {
        match path {
            Some(p) => std::fs::write(&p, text).map_err(|e| format!("{p}: {e}")),
            None => {
                print!("{text}");
                Ok(())
            }
        }
    }

    fn today() -> String {
        let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() / 86_400).unwrap_or(0) as i64;
        // Civil-from-days (Howard Hinnant's algorithm).
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        format!("{y:04}-{m:02}-{d:02}")
    }

    pub fn run(args: Vec<String>) -> Result<u8, String> {
        let command = args.first().map(String::as_str).ok_or(USAGE)?;
        let file = || args.get(1).filter(|a| !a.starts_with("--")).cloned().ok_or_else(|| USAGE.to_string());
        match command {
            "validate" => {
                let path = file()?;
                let report = validate::validate_text(&read(&path)?, &boundaries()?, &streets::streets())?;
                for p in &report.errors {
                    println!("error: {p}");
                }
                for p in &report.warnings {
                    println!("warning: {p}");
                }
                println!("{path}: {} errors, {} warnings", report.errors.len(), report.warnings.len());
                Ok(if report.is_clean() { 0 } else { 1 })
            }
            "stats" => {
                let loaded = parse_dataset(&read(&file()?)?).map_err(|e| e.to_string())?;
                print!("{}", stats::render(&stats::stats(&loaded.dataset.spaces)));
                if !loaded.skipped.is_empty() {
                    println!("\n{} records skipped (run `spaces validate` for details)", loaded.skipped.len());
                }
                Ok(0)
            }
            "generate" => {
                let seed =
                    option(&args, "--seed").map(|s| s.parse::<u64>().map_err(|e| format!("--seed: {e}"))).transpose()?.unwrap_or(2021);
                let count =
                    option(&args, "--count").map(|s| s.parse::<usize>().map_err(|e| format!("--count: {e}"))).transpose()?.unwrap_or(358);
                let dataset = generate::generate(seed, count, &boundaries()?);
                write(option(&args, "--out"), &to_json(&dataset))?;
                Ok(0)
            }
            "keys" => {
                let path = file()?;
                let mut loaded = parse_dataset(&read(&path)?).map_err(|e| e.to_string())?;
                for s in &mut loaded.dataset.spaces {
                    s.keys = keys::search_keys(s);
                }
                write(Some(path), &to_json(&loaded.dataset))?;
                Ok(0)
            }
            "split" => {
                let dataset = parse_dataset(&read(&file()?)?).map_err(|e| e.to_string())?.dataset;
                let out = std::path::PathBuf::from(option(&args, "--out").ok_or("split needs --out DIR")?);
                let (index, parts) = split(&dataset);
                std::fs::create_dir_all(out.join("parts")).map_err(|e| format!("{}: {e}", out.display()))?;
                for (url, part) in &parts {
                    write(Some(out.join(url).display().to_string()), &to_json(part))?;
                }
                let text = serde_json::to_string_pretty(&index).map_err(|e| e.to_string())?;
                write(Some(out.join("index.json").display().to_string()), &(text + "\n"))?;
                eprintln!("{}: index of {} parts, {} spaces", out.display(), parts.len(), dataset.spaces.len());
                Ok(0)
            }
            "import" => {
                let path = file()?;
                let out = option(&args, "--out").ok_or("import needs --out FILE")?;
                let crs: Crs = option(&args, "--crs").unwrap_or_else(|| "wgs84".into()).parse()?;
                let format = import::Format::from_path(&path).ok_or("import reads .csv or .xlsx files")?;
                let f = std::fs::File::open(&path).map_err(|e| format!("{path}: {e}"))?;
                let bytes = import::read_limited(f).map_err(|e| format!("{path}: {e}"))?;
                let imported =
                    import::import(&bytes, format, crs, &boundaries()?, &streets::streets()).map_err(|e| format!("{path}: {e}"))?;
                for h in &imported.unknown_headers {
                    eprintln!("note: column {h:?} is not a known field and was ignored");
                }
                for r in &imported.rejected {
                    eprintln!("rejected: {r}");
                }
                let certified = imported.spaces.iter().filter(|s| s.status == charity_finder::domain::model::Status::Certified).count();
                let dataset = Dataset {
                    meta: Meta {
                        schema_version: SCHEMA_VERSION,
                        as_of: option(&args, "--as-of").unwrap_or_else(today),
                        source: option(&args, "--source").unwrap_or_else(|| format!("Imported from {path}")),
                        licence: option(&args, "--licence").unwrap_or_default(),
                        sample: false,
                        totals: Some(Totals { registered: imported.spaces.len(), certified }),
                    },
                    spaces: imported.spaces,
                };
                write(Some(out.clone()), &to_json(&dataset))?;
                eprintln!("{out}: {} spaces written, {} rows rejected", dataset.spaces.len(), imported.rejected.len());
                Ok(if imported.rejected.is_empty() { 0 } else { 1 })
            }
            _ => Err(USAGE.into()),
        }
    }
}
