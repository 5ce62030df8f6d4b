namespace Cdppe.Pipeline.Reporting.Texts;

/// <summary>
/// The text of one place as read from an uploaded report: its stored fragment and plain text; <paramref name="Untouched"/>
/// when it still shows the help text or holds what the report was generated with (nothing to keep).
/// </summary>
public sealed record PlaceText(string Name, string Title, string Fragment, string PlainText, bool Untouched);
