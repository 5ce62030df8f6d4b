namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>What a tag does: print a value, open a loop or condition, open its negation, close, or insert a chart.</summary>
public enum TagKind
{
    /// <summary><c>{{nom | filtre}}</c>: the value, formatted and escaped.</summary>
    Value,

    /// <summary><c>{{#nom}}</c>: a loop over a list, or a condition on any other value.</summary>
    Section,

    /// <summary><c>{{^nom}}</c>: the content when the value is empty, false or absent.</summary>
    Inverted,

    /// <summary><c>{{/nom}}</c> (or <c>{{/}}</c>): the end of the innermost open section.</summary>
    Close,

    /// <summary><c>{{%nom}}</c>: a native Word chart built from a <see cref="ChartData"/> value.</summary>
    Chart,

    /// <summary><c>{{texte:nom}}</c>: a place for the département's own text, a Word content control (<see cref="TextPlace"/>).</summary>
    Text,
}
