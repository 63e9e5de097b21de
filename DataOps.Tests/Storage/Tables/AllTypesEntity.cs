using System.Runtime.Serialization;
using Azure;
using DataOps.Storage.Tables;

namespace DataOps.Tests.Storage.Tables;

/// <summary>A typed entity with one property of every supported EDM type.</summary>
public sealed class AllTypesEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? Text { get; set; }

    public int Int32 { get; set; }

    public long Int64 { get; set; }

    public double Double { get; set; }

    public bool Flag { get; set; }

    public DateTimeOffset When { get; set; }

    public DateTime WhenUtc { get; set; }

    public Guid Id { get; set; }

    public byte[]? Bytes { get; set; }

    public int? OptionalInt { get; set; }

    public Colour Colour { get; set; }

    [IgnoreDataMember]
    public string Ignored { get; set; } = "not stored";

    public string ReadOnly => Text + " (derived, not stored)";
}

public enum Colour
{
    Red,
    Green,
}
