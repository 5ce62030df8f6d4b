namespace Cdppe.Pipeline.Reporting.Texts;

/// <summary>The text of one place as read from an uploaded report: its stored fragment and plain text; <paramref name="IsPlaceholder"/> when it still shows the help text (nothing to keep).</summary>
public sealed record PlaceText(string Name, string Title, string Fragment, string PlainText, bool IsPlaceholder);
