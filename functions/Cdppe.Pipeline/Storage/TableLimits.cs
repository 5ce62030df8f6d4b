using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Serialization;
using Azure.Data.Tables;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// The Table service's limits (property string 64 KiB, entity 1 MiB, batch 4 MiB and 100 operations) and the sizes
/// of an entity, computed before anything is sent: Azurite enforces some of them, Azure all of them, and a value that
/// breaks one must be a validation error or a smaller batch, never a failed write.
/// </summary>
public static class TableLimits
{
    public const int MaxStringChars = 32 * 1024;

    public const int MaxEntityBytes = 1024 * 1024;

    public const int MaxBatchBytes = 4 * 1024 * 1024;

    public const int MaxBatchOperations = 100;

    /// <summary>Multipart headers, request line and URL of one operation of a batch, and the batch's own envelope: generous.</summary>
    public const int OperationOverheadBytes = 1024;

    public const int BatchEnvelopeBytes = 16 * 1024;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>Everything in <paramref name="entity"/> the service would refuse or alter, checked value by value.</summary>
    public static IEnumerable<TableViolation> Check(ITableEntity entity)
    {
        foreach (var (name, value) in Values(entity))
        {
            if (value is not string text)
            {
                continue;
            }

            if (UnicodeText.InvalidCodePointAt(text) is var at and >= 0)
            {
                yield return new TableViolation(TableViolationKind.InvalidCodePoint, name, text, text.Length, text[at]);
            }

            if (text.Length > MaxStringChars)
            {
                yield return new TableViolation(TableViolationKind.StringTooLong, name, text, text.Length);
            }
        }

        var bytes = EntityBytes(entity);
        if (bytes > MaxEntityBytes)
        {
            yield return new TableViolation(TableViolationKind.EntityTooLarge, null, null, bytes);
        }
    }

    /// <summary>Size of the entity as the service counts it: 4 + 2 × (keys) + per property 8 + 2 × name + value.</summary>
    public static long EntityBytes(ITableEntity entity)
    {
        long size = 4 + (2L * (entity.PartitionKey.Length + entity.RowKey.Length));
        foreach (var (name, value) in Values(entity))
        {
            size += 8 + (2L * name.Length) + value switch
            {
                string s => 4 + (2L * s.Length),
                byte[] b => 4 + b.Length,
                BinaryData d => 4 + d.ToMemory().Length,
                bool => 1,
                int => 4,
                Guid => 16,
                _ => 8,
            };
        }

        return size;
    }

    /// <summary>An upper bound of the bytes one operation adds to a batch request (its JSON body, every character escaped at worst).</summary>
    public static long PayloadBytes(ITableEntity entity)
    {
        long size = OperationOverheadBytes + (6L * (entity.PartitionKey.Length + entity.RowKey.Length));
        foreach (var (name, value) in Values(entity))
        {
            size += name.Length + 64 + value switch
            {
                string s => JsonBytes(s),
                byte[] b => (b.Length + 2) / 3 * 4,
                BinaryData d => (d.ToMemory().Length + 2) / 3 * 4,
                _ => 0,
            };
        }

        return size;
    }

    /// <summary>The properties of an entity as the SDK sends them: a dictionary's entries, or a class's public properties.</summary>
    public static IEnumerable<(string Name, object Value)> Values(ITableEntity entity)
    {
        if (entity is IDictionary<string, object> dictionary)
        {
            foreach (var (name, value) in dictionary)
            {
                if (value is not null && name is not "PartitionKey" and not "RowKey" and not "Timestamp" and not "odata.etag")
                {
                    yield return (name, value);
                }
            }

            yield break;
        }

        foreach (var property in Properties.GetOrAdd(entity.GetType(), StoredProperties))
        {
            if (property.GetValue(entity) is { } value)
            {
                yield return (property.Name, value);
            }
        }
    }

    private static long JsonBytes(string text)
    {
        long size = 2;
        foreach (var c in text)
        {
            size += char.IsAsciiLetterOrDigit(c) || c == ' ' ? 1 : 6;
        }

        return size;
    }

    private static PropertyInfo[] StoredProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<IgnoreDataMemberAttribute>() is null)
            .Where(p => p.Name is not nameof(ITableEntity.PartitionKey) and not nameof(ITableEntity.RowKey) and not nameof(ITableEntity.Timestamp) and not nameof(ITableEntity.ETag))
            .ToArray();
}
