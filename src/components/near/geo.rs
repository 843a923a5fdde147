//! Asking the browser for the device's position, through the typed Geolocation API (web-sys'
//! stable `Position` and `PositionError` bindings read the browser's `GeolocationPosition` and
//! `GeolocationPositionError` by their properties).

use leptos::prelude::window;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Position, PositionError, PositionOptions};

use crate::domain::model::LatLng;

/// Why there is no position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GeoError {
    Denied,
    Unavailable,
    Timeout,
    Unsupported,
}

/// Asks for the position once (a fresh one, or one at most a minute old), and hands the answer
/// to `done`.
pub fn locate(done: impl Fn(Result<LatLng, GeoError>) + Clone + 'static) {
    let Ok(geolocation) = window().navigator().geolocation() else {
        done(Err(GeoError::Unsupported));
        return;
    };
    let on_success = done.clone();
    let on_error = done.clone();
    let success = Closure::once_into_js(move |p: Position| {
        let c = p.coords();
        on_success(Ok(LatLng { lat: c.latitude(), lng: c.longitude() }));
    });
    let failure = Closure::once_into_js(move |e: PositionError| {
        on_error(Err(match e.code() {
            PositionError::PERMISSION_DENIED => GeoError::Denied,
            PositionError::TIMEOUT => GeoError::Timeout,
            _ => GeoError::Unavailable,
        }));
    });
    let options = PositionOptions::new();
    options.set_timeout(15_000);
    options.set_maximum_age(60_000);
    if geolocation
        .get_current_position_with_error_callback_and_options(success.unchecked_ref(), Some(failure.unchecked_ref()), &options)
        .is_err()
    {
        done(Err(GeoError::Unsupported));
    }
}
