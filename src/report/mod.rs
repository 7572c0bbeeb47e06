//! Output: quantities (`extract`) and findings (`check`) in human and machine formats.

pub mod extract;
