namespace Cdppe.Pipeline.Model;

/// <summary>A value as printed: a number (a ratio when <see cref="IsPercent"/>) or a text.</summary>
public sealed record IndicatorFigure(decimal? Value, bool IsPercent, string? Text);
