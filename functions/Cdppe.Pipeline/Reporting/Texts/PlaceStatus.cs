using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting.Texts;

/// <summary>A place of the year's report: its name and title, its last change (null when nothing was kept for it) and how many versions its text has.</summary>
public sealed record PlaceStatus(string Name, string Title, TextRevision? LastChange, int Versions);
