using System.Reflection;
using System.Runtime.Serialization;
using Azure.Data.Tables;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// The one mapping between a Model record and a table row: every public property is a column of the same name, so
/// a new property of the record is a new column with no other edit. How each type is stored is
/// <see cref="ColumnCodec"/>'s convention (decimals as doubles, lists comma separated, months as "2022-06", statuses by
/// their stored code, dictionaries and other structures as JSON in a column "{Name}Json"); a store changes it for one
/// property with <see cref="Json"/>. Properties marked <c>[IgnoreDataMember]</c> are not columns (the row's keys,
/// derived values). A record is read back through its init setters, or its constructor for a positional record.
/// </summary>
public sealed class RowCodec<T>
    where T : class
{
    private readonly ConstructorInfo constructor;
    private readonly ParameterInfo[] parameters;
    private ColumnCodec[] columns;
    private ColumnCodec?[] byParameter = [];
    private ColumnCodec[] bySetter = [];

    public RowCodec()
    {
        columns = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<IgnoreDataMemberAttribute>() is null)
            .Select(ColumnCodec.For)
            .ToArray();
        constructor = typeof(T).GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        parameters = constructor.GetParameters();
        Index();
    }

    /// <summary>Stores <paramref name="property"/> as JSON in the column "{property}Json" (a list of texts that may hold commas).</summary>
    public RowCodec<T> Json(string property)
    {
        columns = columns.Select(c => c.Property.Name == property ? ColumnCodec.AsJson(c.Property) : c).ToArray();
        Index();
        return this;
    }

    /// <summary>The row of <paramref name="record"/>, with the store's own columns (the ingestion that wrote it…).</summary>
    public TableEntity Write(string partition, string rowKey, T record, IEnumerable<KeyValuePair<string, object?>>? extra = null)
    {
        var row = new TableEntity(partition, rowKey);
        foreach (var column in columns)
        {
            if (column.ToStored(column.Property.GetValue(record)) is { } stored)
            {
                row[column.Name] = stored;
            }
        }

        foreach (var (name, value) in extra ?? [])
        {
            if (value is not null)
            {
                row[name] = value;
            }
        }

        return row;
    }

    /// <summary>The record a row holds; a column the row lacks (written before the property existed) reads as its default.</summary>
    public T Read(TableEntity row)
    {
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = byParameter[i] is { } column ? column.Read(row) : parameters[i].HasDefaultValue ? parameters[i].DefaultValue : null;
        }

        var record = (T)constructor.Invoke(arguments);
        foreach (var column in bySetter)
        {
            if (row.ContainsKey(column.Name))
            {
                column.Property.SetValue(record, column.Read(row));
            }
        }

        return record;
    }

    /// <summary>Which column feeds each constructor parameter, and which are set after construction.</summary>
    private void Index()
    {
        var byName = columns.ToDictionary(c => c.Property.Name, StringComparer.OrdinalIgnoreCase);
        byParameter = parameters.Select(p => byName.GetValueOrDefault(p.Name ?? string.Empty)).ToArray();
        bySetter = columns.Where(c => c.Property.CanWrite && !parameters.Any(p => string.Equals(p.Name, c.Property.Name, StringComparison.OrdinalIgnoreCase))).ToArray();
    }
}
