using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Azure.Data.Tables;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// How one property of a record is stored in its table column (<see cref="RowCodec{T}"/>): texts, numbers, booleans
/// and dates as they are; decimals as doubles (Table Storage has no decimal); lists of numbers or texts comma
/// separated, none when empty; months as "2022-06"; ingestion and snapshot statuses by their stored code or label,
/// other enumerations by name; anything else as JSON in a column named "{Name}Json".
/// </summary>
public sealed record ColumnCodec(PropertyInfo Property, string Name, Func<object?, object?> ToStored, Func<object?, Type, object?> FromStored)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The property's value read from <paramref name="row"/>: its default when the column is absent.</summary>
    public object? Read(TableEntity row) =>
        row.TryGetValue(Name, out var stored) && stored is not null
            ? FromStored(stored, Property.PropertyType)
            : Property.PropertyType.IsValueType && Nullable.GetUnderlyingType(Property.PropertyType) is null
                ? Activator.CreateInstance(Property.PropertyType)
                : Empty(Property.PropertyType);

    public static ColumnCodec For(PropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(DateTimeOffset) || type == typeof(Guid))
        {
            return new(property, property.Name, v => v, Number);
        }

        if (type == typeof(decimal))
        {
            return new(property, property.Name, v => v is decimal d ? (double)d : null, (v, _) => (decimal)Convert.ToDouble(v, CultureInfo.InvariantCulture));
        }

        if (type == typeof(YearMonth))
        {
            return new(property, property.Name, v => v?.ToString(), (v, _) => YearMonth.TryParse(v as string, out var month) ? month.Value : default(YearMonth));
        }

        if (type == typeof(IngestionStatus))
        {
            return new(property, property.Name, v => v is IngestionStatus s ? IngestionStatuses.Code(s) : null, (v, _) => IngestionStatuses.Parse(v as string));
        }

        if (type == typeof(SnapshotStatus))
        {
            return new(property, property.Name, v => v is SnapshotStatus s ? s.Label() : null, (v, _) => SnapshotStatuses.Parse(v as string));
        }

        if (type.IsEnum)
        {
            return new(property, property.Name, v => v?.ToString(), (v, t) => Enum.TryParse(Nullable.GetUnderlyingType(t) ?? t, v as string, ignoreCase: true, out var e) ? e : Activator.CreateInstance(Nullable.GetUnderlyingType(t) ?? t));
        }

        if (IsList(type, typeof(int)))
        {
            return new(property, property.Name, v => v is IEnumerable<int> list && list.Any() ? string.Join(',', list.Select(i => i.ToString(CultureInfo.InvariantCulture))) : null, (v, _) => Split(v).Select(i => int.Parse(i, CultureInfo.InvariantCulture)).ToList());
        }

        if (IsList(type, typeof(string)))
        {
            return new(property, property.Name, v => v is IEnumerable<string> list && list.Any() ? string.Join(',', list) : null, (v, _) => Split(v).ToList());
        }

        return AsJson(property);
    }

    /// <summary>The property as JSON in the column "{Name}Json".</summary>
    public static ColumnCodec AsJson(PropertyInfo property) =>
        new(property, property.Name + "Json", v => v is null ? null : JsonSerializer.Serialize(v, property.PropertyType, Json), (v, t) => JsonSerializer.Deserialize((string)v!, t, Json));

    private static object? Number(object? stored, Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(int) => Convert.ToInt32(stored, CultureInfo.InvariantCulture),
            var t when t == typeof(long) => Convert.ToInt64(stored, CultureInfo.InvariantCulture),
            var t when t == typeof(double) => Convert.ToDouble(stored, CultureInfo.InvariantCulture),
            _ => stored,
        };

    private static bool IsList(Type type, Type item) =>
        type == typeof(List<>).MakeGenericType(item) || type == typeof(IReadOnlyList<>).MakeGenericType(item) || type == typeof(IList<>).MakeGenericType(item);

    private static string[] Split(object? stored) => (stored as string ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>What an absent column reads as: an empty list or dictionary, else null.</summary>
    private static object? Empty(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var g && (g == typeof(List<>) || g == typeof(IReadOnlyList<>) || g == typeof(IList<>))
            ? Activator.CreateInstance(typeof(List<>).MakeGenericType(type.GetGenericArguments()[0]))
            : type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Dictionary<,>) || type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
                ? Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(type.GetGenericArguments()))
                : null;
}
