-- A chunk's audio and peaks are written at the lengths its recording's row counts, and the row is
-- updated after them (issue 22, D3): `bytes` counted the audio already; this counts the peaks, so
-- peaks a killed or refused chunk wrote past it are cut off on reopen, like the audio. NULL: a
-- recording from before this column (finished, or left open by the previous version), whose peaks
-- file is taken as it is.
ALTER TABLE `recordings` ADD `peaks_bytes` integer;
