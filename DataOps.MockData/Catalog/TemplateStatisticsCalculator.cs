using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;

namespace DataOps.MockData.Catalog;

/// <summary>Computes <see cref="FieldStatistics"/> in one pass over a record stream.</summary>
internal sealed class TemplateStatisticsCalculator
{
    /// <summary>Most distinct values a field without a declared enum may have and still count as enum-like.</summary>
    public const int EnumLikeMaxDistinct = 12;

    private const int EnumLikeMaxLength = 40;

    private readonly TemplateSchema _schema;
    private readonly Accumulator[] _fields;
    private int _records;

    /// <summary>Starts an empty calculation for a schema.</summary>
    public TemplateStatisticsCalculator(TemplateSchema schema)
    {
        _schema = schema;
        _fields = schema.Fields.Select(f => new Accumulator(f.AllowedValues is null ? EnumLikeMaxDistinct : int.MaxValue - 1)).ToArray();
    }

    /// <summary>Adds one record.</summary>
    public void Add(IReadOnlyDictionary<string, object?> record)
    {
        _records++;
        for (var i = 0; i < _schema.Fields.Count; i++)
        {
            record.TryGetValue(_schema.Fields[i].Name, out var value);
            _fields[i].Add(value);
        }
    }

    /// <summary>The statistics so far.</summary>
    public IReadOnlyList<FieldStatistics> Result() => _schema.Fields.Select((field, i) =>
    {
        var a = _fields[i];
        var enumLike = field.AllowedValues is not null
            || (field.Type is FieldType.String or FieldType.StringList && a.Distinct.Count is > 0 and <= EnumLikeMaxDistinct && !a.LongValue && a.Filled > a.Distinct.Count);
        return new FieldStatistics(
            field.Name,
            field.Type.ToWireName(),
            _records == 0 ? 0 : Math.Round((double)a.Filled / _records, 4),
            a.Measured == 0 ? null : Math.Round(a.TotalLength / a.Measured, 2),
            enumLike ? a.Distinct.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) : null);
    }).ToArray();

    private sealed class Accumulator(int maxDistinct)
    {
        public int Filled { get; private set; }

        public int Measured { get; private set; }

        public double TotalLength { get; private set; }

        public bool LongValue { get; private set; }

        public Dictionary<string, int> Distinct { get; } = new(StringComparer.Ordinal);

        public void Add(object? value)
        {
            switch (value)
            {
                case string s when s.Length > 0:
                    Filled++;
                    Measured++;
                    TotalLength += s.Length;
                    Count(s);
                    break;
                case IReadOnlyList<string> list when list.Count > 0:
                    Filled++;
                    Measured++;
                    TotalLength += list.Count;
                    foreach (var item in list)
                    {
                        Count(item);
                    }

                    break;
                case null or string or IReadOnlyList<string>:
                    break;
                default:
                    Filled++;
                    break;
            }
        }

        private void Count(string value)
        {
            LongValue |= value.Length > EnumLikeMaxLength;
            if (Distinct.Count <= maxDistinct || Distinct.ContainsKey(value))
            {
                Distinct[value] = Distinct.GetValueOrDefault(value) + 1;
            }
        }
    }
}
