//! `spaces`: the native data tools for `public/data/spaces.json`. `spaces --help` and
//! `spaces <command> --help` describe each command; `docs/data-format.md` the formats.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use clap::Parser;
    let cli = cli::Cli::parse();
    match cli::run(cli) {
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
    use std::path::{Path, PathBuf};

    use charity_finder::domain::boundaries::Boundaries;
    use charity_finder::domain::coords::Crs;
    use charity_finder::domain::export::Download;
    use charity_finder::domain::holidays::date_text;
    use charity_finder::domain::i18n::Lang as UiLang;
    use charity_finder::domain::load::{parse_dataset, Problem};
    use charity_finder::domain::model::{Dataset, Meta, Status, Totals, SCHEMA_VERSION};
    use charity_finder::tools::import::messages::{report_csv, summary_lines, Lang};
    use charity_finder::tools::{diff, generate, import, keys, split, static_list, stats, streets, to_json, validate};
    use clap::{Parser, Subcommand, ValueEnum};

    /// The data tools of 善城地图: check, import, split and describe the dataset of charity spaces.
    #[derive(Debug, Parser)]
    #[command(name = "spaces", version)]
    pub struct Cli {
        #[command(subcommand)]
        pub command: Command,
    }

    #[derive(Debug, Subcommand)]
    pub enum Command {
        /// Check every rule of a dataset; exit 0 only when there is no error. Also checks the
        /// holiday calendar (`holidays.json` beside the dataset, or `--holidays`).
        Validate {
            file: PathBuf,
            #[arg(long)]
            holidays: Option<PathBuf>,
        },
        /// Counts by district, status and service.
        Stats { file: PathBuf },
        /// Read a district office's spreadsheet (.xlsx or .csv) into a dataset.
        #[command(long_about = IMPORT_HELP)]
        Import(ImportArgs),
        /// Write the deterministic sample dataset.
        Generate {
            #[arg(long, default_value_t = 2021)]
            seed: u64,
            #[arg(long, default_value_t = 358)]
            count: usize,
            /// Where to write it (standard output if not given).
            #[arg(long)]
            out: Option<PathBuf>,
        },
        /// Write the spaces as the finder's downloads do: CSV (re-imports), GeoJSON or HSDS 3.0.
        Export {
            file: PathBuf,
            #[arg(long, value_enum)]
            format: FormatArg,
            /// Where to write it (standard output if not given).
            #[arg(long)]
            out: Option<PathBuf>,
        },
        /// Recompute the pinyin search keys of a dataset, in place.
        Keys { file: PathBuf },
        /// Split a dataset by district: DIR/index.json and DIR/parts/CODE.json (CODE: 440113…).
        Split {
            file: PathBuf,
            #[arg(long)]
            out: PathBuf,
        },
        /// Write the text list of every space, a page per language that needs no script:
        /// DIR/list.html, DIR/list-en.html, DIR/list-zh-TW.html.
        StaticList {
            file: PathBuf,
            #[arg(long)]
            out: PathBuf,
        },
    }

    const IMPORT_HELP: &str = "Read a district office's spreadsheet (.xlsx or .csv) into a dataset.

What it accepts (docs/data-format.md has the full table):
  the list        on any sheet, under title rows; the sheet and header row with the most known
                  headers are used (--sheet to choose); notes and totals rows (备注, 合计) are skipped
  headers         Chinese or English, with notes in brackets and spaces: 空间名称, 所属街道(镇),
                  联系电话（座机）, 街　道, 经度(高德)
  districts       番禺, 番禺区, 广州市番禺区, 440113, Panyu
  streets         沙湾, 沙湾街, 沙湾街道
  positions       经度 and 纬度, or one 经纬度/坐标 column as the map pickers copy it (113.35,22.90)
  services        separated by 、 ， , ； / or a line break; labels or common words (养老)
  status          已认证 / 认证 / 是, or 已挂牌 / 否 / empty (also under 是否认证)
  dates           Excel date cells, 2021-12-03, 2021.12.3, 2021/9/4, 2021年12月3日
  phones          number cells that lost the 0 of 020, extensions (转123), two numbers in a cell,
                  full-width digits
  hours           周一至周五 9:00-17:00, 工作日上午9点到12点, 每天 8:30-20:00, 全天开放, 节假日休息
                  (converted; the text as written is kept for the details)
  merged cells    a merged district or street applies to every row it spans

Only a missing or invalid name, district or position rejects a row; any other problem is a warning
and the row is kept. Two columns for one field (a hidden old one, say) stop the import: delete one
or choose with --use-column.

The output is written only when at least one space was read, and never replaces a dataset with
fewer spaces unless --allow-shrink is given; the changes against it are printed.

Exit status: 0 written, every row kept; 1 written, some rows rejected; 2 nothing written.";

    #[derive(Debug, clap::Args)]
    pub struct ImportArgs {
        /// The spreadsheet: .xlsx, or .csv in UTF-8 or GBK.
        pub file: PathBuf,
        /// The dataset to write (replaced atomically, and only when the import succeeds).
        #[arg(long)]
        pub out: PathBuf,
        /// The coordinate system of the positions; else a header's note (经度(高德) → gcj02,
        /// 经度(百度) → bd09); else wgs84, said in the summary.
        #[arg(long, value_enum)]
        pub crs: Option<CrsArg>,
        /// The sheet to read, by name or number (1 = first); else the one holding the list.
        #[arg(long)]
        pub sheet: Option<String>,
        /// Where two columns name one field, the one to use: its letter (L) or header text.
        #[arg(long = "use-column", value_name = "COLUMN")]
        pub use_columns: Vec<String>,
        /// Replace a dataset even with one of fewer spaces.
        #[arg(long)]
        pub allow_shrink: bool,
        /// Also write every rejected row and warning to this CSV file, to open in Excel.
        #[arg(long, value_name = "FILE.csv")]
        pub report: Option<PathBuf>,
        /// The language of the messages.
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        pub lang: LangArg,
        /// The date the list is current as of (YYYY-MM-DD); today if not given.
        #[arg(long)]
        pub as_of: Option<String>,
        /// Where the list comes from, shown to residents in the footer (e.g. 广州市民政局); the
        /// file's name if not given.
        #[arg(long)]
        pub source: Option<String>,
        /// The list's licence, for the dataset's metadata.
        #[arg(long)]
        pub licence: Option<String>,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
    pub enum CrsArg {
        /// GPS, Tianditu, OpenStreetMap.
        Wgs84,
        /// AMap (高德), Tencent.
        Gcj02,
        /// Baidu (百度).
        Bd09,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
    pub enum FormatArg {
        Csv,
        Geojson,
        /// Open Referral HSDS 3.0, the organization package.
        Hsds,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
    pub enum LangArg {
        Zh,
        En,
    }

    fn boundaries() -> Result<Boundaries, String> {
        Boundaries::from_geojson(include_str!("../../public/data/districts.geojson"))
    }

    fn read(path: &Path) -> Result<String, String> {
        std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Writes a file whole or not at all: a temporary file beside it, then a rename.
    fn write_atomically(path: &Path, text: &str) -> Result<(), String> {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
        let result = std::fs::write(&tmp, text).and_then(|()| std::fs::rename(&tmp, path));
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result.map_err(|e| format!("{}: {e}", path.display()))
    }

    fn write(path: Option<&Path>, text: &str) -> Result<(), String> {
        match path {
            Some(p) => write_atomically(p, text),
            None => {
                print!("{text}");
                Ok(())
            }
        }
    }

    /// Today, as days since 1970-01-01 in China (UTC+8).
    fn today_day() -> i64 {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        ((secs + 8 * 3600) / 86_400) as i64
    }

    fn today() -> String {
        date_text(today_day())
    }

    pub fn run(cli: Cli) -> Result<u8, String> {
        match cli.command {
            Command::Validate { file, holidays } => {
                let mut report = validate::validate_text(&read(&file)?, &boundaries()?, &streets::streets())?;
                let calendar = holidays.or_else(|| Some(file.with_file_name("holidays.json")).filter(|p| p.exists()));
                if let Some(path) = calendar {
                    let problem = |reason: String| Problem { record: path.display().to_string(), field: "holidays".into(), reason };
                    match validate::check_calendar(&read(&path)?, today_day()) {
                        Ok(None) => {}
                        Ok(Some(warning)) => report.warnings.push(problem(warning)),
                        Err(e) => report.errors.push(problem(e)),
                    }
                }
                for p in &report.errors {
                    println!("error: {p}");
                }
                for p in &report.warnings {
                    println!("warning: {p}");
                }
                println!("{}: {} errors, {} warnings", file.display(), report.errors.len(), report.warnings.len());
                Ok(if report.is_clean() { 0 } else { 1 })
            }
            Command::Stats { file } => {
                let loaded = parse_dataset(&read(&file)?).map_err(|e| e.to_string())?;
                print!("{}", stats::render(&stats::stats(&loaded.dataset.spaces)));
                if !loaded.skipped.is_empty() {
                    println!("\n{} records skipped (run `spaces validate` for details)", loaded.skipped.len());
                }
                Ok(0)
            }
            Command::Generate { seed, count, out } => {
                write(out.as_deref(), &to_json(&generate::generate(seed, count, &boundaries()?)))?;
                Ok(0)
            }
            Command::Export { file, format, out } => {
                let loaded = parse_dataset(&read(&file)?).map_err(|e| e.to_string())?;
                let format = match format {
                    FormatArg::Csv => Download::Csv,
                    FormatArg::Geojson => Download::GeoJson,
                    FormatArg::Hsds => Download::Hsds,
                };
                write(out.as_deref(), &format.write(&loaded.dataset.spaces))?;
                Ok(0)
            }
            Command::Keys { file } => {
                let mut loaded = parse_dataset(&read(&file)?).map_err(|e| e.to_string())?;
                for s in &mut loaded.dataset.spaces {
                    s.keys = keys::search_keys(s);
                }
                write(Some(&file), &to_json(&loaded.dataset))?;
                Ok(0)
            }
            Command::Split { file, out } => {
                let dataset = parse_dataset(&read(&file)?).map_err(|e| e.to_string())?.dataset;
                let (index, parts) = split(&dataset);
                std::fs::create_dir_all(out.join("parts")).map_err(|e| format!("{}: {e}", out.display()))?;
                for (url, part) in &parts {
                    write(Some(&out.join(url)), &to_json(part))?;
                }
                let text = serde_json::to_string_pretty(&index).map_err(|e| e.to_string())?;
                write(Some(&out.join("index.json")), &(text + "\n"))?;
                eprintln!("{}: index of {} parts, {} spaces", out.display(), parts.len(), dataset.spaces.len());
                Ok(0)
            }
            Command::StaticList { file, out } => {
                let dataset = parse_dataset(&read(&file)?).map_err(|e| e.to_string())?.dataset;
                std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
                for lang in UiLang::ALL {
                    write(Some(&out.join(static_list::file_name(lang))), &static_list::render(&dataset, lang))?;
                }
                eprintln!("{}: text lists of {} spaces", out.display(), dataset.spaces.len());
                Ok(0)
            }
            Command::Import(args) => import_command(args),
        }
    }

    /// Prints a line to the editor in the language chosen.
    fn say(lang: Lang, zh: String, en: String) {
        eprintln!("{}", if lang == Lang::Zh { zh } else { en });
    }

    fn import_command(args: ImportArgs) -> Result<u8, String> {
        let lang = match args.lang {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        };
        let imported = read_spreadsheet(&args, lang)?;
        let out = args.out.display().to_string();
        if imported.spaces.is_empty() {
            say(lang, format!("没有可导入的空间，{out} 未改动"), format!("no space could be read; {out} was not changed"));
            return Ok(2);
        }
        if !may_replace(&args, &imported.spaces, lang) {
            return Ok(2);
        }
        let certified = imported.spaces.iter().filter(|s| s.status == Status::Certified).count();
        let file_name = args.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let dataset = Dataset {
            meta: Meta {
                schema_version: SCHEMA_VERSION,
                as_of: args.as_of.clone().unwrap_or_else(today),
                source: args.source.clone().unwrap_or_else(|| file_name.clone()),
                licence: args.licence.clone().unwrap_or_default(),
                sample: false,
                totals: Some(Totals { registered: imported.spaces.len(), certified }),
            },
            spaces: imported.spaces,
        };
        write_atomically(&args.out, &to_json(&dataset))?;
        if args.source.is_none() {
            // The source is shown to residents in the footer.
            say(
                lang,
                format!("未用 --source 写明数据来源，页脚将显示「{file_name}」；请写明，如 --source 广州市民政局"),
                format!("no --source given: the footer will name \"{file_name}\" as the source; name it, e.g. --source 广州市民政局"),
            );
        }
        let n = dataset.spaces.len();
        say(lang, format!("已写入 {out}：{n} 个空间"), format!("{out}: {n} spaces written"));
        Ok(if imported.summary.rows_rejected == 0 { 0 } else { 1 })
    }

    /// Reads the spreadsheet and prints every problem, the summary and (with `--report`) the
    /// table of problems; an error when the file cannot be imported at all.
    fn read_spreadsheet(args: &ImportArgs, lang: Lang) -> Result<import::Imported, String> {
        let zh = lang == Lang::Zh;
        let path = args.file.display().to_string();
        let format = import::Format::from_path(&path).ok_or(if zh {
            "只能导入 .xlsx 或 .csv 文件"
        } else {
            "import reads .xlsx or .csv files"
        })?;
        let options = import::Options {
            crs: args.crs.map(|c| match c {
                CrsArg::Wgs84 => Crs::Wgs84,
                CrsArg::Gcj02 => Crs::Gcj02,
                CrsArg::Bd09 => Crs::Bd09,
            }),
            sheet: args.sheet.clone(),
            use_columns: args.use_columns.clone(),
        };
        let bytes = std::fs::File::open(&args.file)
            .map_err(|e| e.to_string())
            .and_then(|f| import::read_limited(f).map_err(|e| e.text(lang)))
            .map_err(|e| format!("{path}: {e}"))?;
        let imported = import::import(&bytes, format, &options, &boundaries()?, &streets::streets())
            .map_err(|e| format!("{path}: {}{}", e.text(lang), if zh { "。未写入任何文件" } else { ". Nothing was written" }))?;
        for f in &imported.findings {
            let outcome = match (zh, f.kind.rejects()) {
                (true, true) => "拒绝 ",
                (true, false) => "警告 ",
                (false, true) => "rejected ",
                (false, false) => "warning ",
            };
            eprintln!("{outcome}{}", f.text(lang));
        }
        eprintln!();
        for line in summary_lines(&imported, lang) {
            eprintln!("{line}");
        }
        if let Some(report) = &args.report {
            write_atomically(report, &report_csv(&imported.findings, lang))?;
            say(lang, format!("问题清单已写入 {}", report.display()), format!("problems listed in {}", report.display()));
        }
        Ok(imported)
    }

    /// Whether the import may replace the file at `--out`: not a file that is not a dataset, nor
    /// one with more spaces, unless `--allow-shrink`. Prints what changes against it.
    fn may_replace(args: &ImportArgs, spaces: &[charity_finder::domain::model::Space], lang: Lang) -> bool {
        if !args.out.exists() {
            return true;
        }
        let out = args.out.display().to_string();
        let old = match read(&args.out).and_then(|t| parse_dataset(&t).map_err(|e| e.to_string())) {
            Ok(loaded) => loaded.dataset.spaces,
            Err(e) if args.allow_shrink => {
                say(
                    lang,
                    format!("{out} 不是数据集（{e}），按 --allow-shrink 替换"),
                    format!("{out} is not a dataset ({e}); replaced as --allow-shrink says"),
                );
                Vec::new()
            }
            Err(e) => {
                say(
                    lang,
                    format!("{out} 不是数据集（{e}），未替换；确要替换请加 --allow-shrink"),
                    format!("{out} is not a dataset ({e}) and was not replaced; add --allow-shrink to replace it"),
                );
                return false;
            }
        };
        let d = diff(&old, spaces);
        let names = |list: &[String]| {
            let shown: Vec<&str> = list.iter().take(5).map(String::as_str).collect();
            let more = if list.len() > 5 { "…" } else { "" };
            if list.is_empty() {
                String::new()
            } else {
                format!("（{}{more}）", shown.join("、"))
            }
        };
        let (a, r, c) = (d.added.len(), d.removed.len(), d.changed.len());
        let (na, nr, nc) = (names(&d.added), names(&d.removed), names(&d.changed));
        say(
            lang,
            format!("与原文件相比：新增 {a}{na}，删除 {r}{nr}，修改 {c}{nc}"),
            format!("against the file replaced: {a} added{na}, {r} removed{nr}, {c} changed{nc}"),
        );
        if spaces.len() < old.len() && !args.allow_shrink {
            let (new, before) = (spaces.len(), old.len());
            say(
                lang,
                format!("导入的空间（{new}）比 {out} 现有的（{before}）少，未替换；若确实要删去空间，请加 --allow-shrink"),
                format!("the import has fewer spaces ({new}) than {out} ({before}), which was not replaced; add --allow-shrink if spaces are to be removed"),
            );
            return false;
        }
        true
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn options_read_in_both_forms() {
            for args in [
                ["spaces", "import", "a.xlsx", "--out", "o.json", "--crs=gcj02"],
                ["spaces", "import", "a.xlsx", "--out=o.json", "--crs", "gcj02"],
            ] {
                let Command::Import(a) = Cli::try_parse_from(args).expect("parses").command else { panic!("not import") };
                assert_eq!(a.crs, Some(CrsArg::Gcj02));
                assert_eq!(a.out, PathBuf::from("o.json"));
            }
        }

        #[test]
        fn unknown_options_and_values_are_errors() {
            assert!(Cli::try_parse_from(["spaces", "import", "a.xlsx", "--out", "o.json", "--crs", "mars"]).is_err());
            assert!(Cli::try_parse_from(["spaces", "import", "a.xlsx", "--out", "o.json", "--cr", "gcj02"]).is_err());
            assert!(Cli::try_parse_from(["spaces", "import", "a.xlsx"]).is_err());
        }
    }
}
