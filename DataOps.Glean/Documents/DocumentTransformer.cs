using DataOps.Glean.Model;
using DataOps.Glean.Wire;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DataOps.Domain.Datasets;

namespace DataOps.Glean.Documents;

/// <summary>
/// Turns one record of a dataset type into a Glean document. The base class fills what every type shares
/// (id, viewURL, times, permissions); each type adds title, body, container, people and properties.
/// </summary>
internal abstract class DocumentTransformer
{
    public const int MaxIdLength = 200;

    public abstract DatasetType DatasetType { get; }

    /// <summary>Glean's category for a datasource of this type.</summary>
    public abstract string DatasourceCategory { get; }

    /// <summary>Properties declared in the datasource's object definition.</summary>
    public abstract IReadOnlyList<PropertyDefinition> Properties { get; }

    public string ObjectType => ConnectorKinds.ObjectType(DatasetType);

    public ObjectDefinition Definition => new(ObjectType, ObjectType, DatasourceCategory, Properties);

    public DocumentDefinition Transform(IReadOnlyDictionary<string, object?> record, DocumentContext context)
    {
        var view = new RecordView(record);
        var recordId = view.Text("id") ?? throw new ArgumentException("record has no 'id' field; every record needs one", nameof(record));
        var id = GleanId(recordId);
        var url = view.Text("url");
        var common = new DocumentDefinition
        {
            Datasource = context.Connector.DatasourceName,
            Id = id,
            ObjectType = ObjectType,
            ViewUrl = url is not null && context.UrlMatches(url) ? url : ViewUrls.Canonical(context.Connector.ViewUrlBase, ObjectType, recordId),
            Permissions = new DocumentPermissions { AllowAllDatasourceUsersAccess = true },
            CreatedAt = view.EpochSeconds("created_at"),
            UpdatedAt = view.EpochSeconds("updated_at"),
        };
        return Shape(view, common);
    }

    /// <summary>Record ids longer than Glean allows keep their start and gain a hash of the whole id, so they stay unique.</summary>
    public static string GleanId(string recordId)
    {
        if (recordId.Length <= MaxIdLength)
        {
            return recordId;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recordId)))[..16];
        return string.Create(CultureInfo.InvariantCulture, $"{recordId[..(MaxIdLength - 17)]}-{hash}");
    }

    protected abstract DocumentDefinition Shape(RecordView record, DocumentDefinition common);

    protected static ContentDefinition? Text(string? content) => content is null ? null : new ContentDefinition("text/plain", content);

    protected static UserReference? User(string? email, string? name) => email is null && name is null ? null : new UserReference(email, name);

    protected static IReadOnlyList<CustomProperty>? Props(params (string Name, object? Value)[] values)
    {
        var list = values
            .Where(v => v.Value is not null && v.Value is not IReadOnlyList<string> { Count: 0 })
            .Select(v => new CustomProperty(v.Name, v.Value!))
            .ToList();
        return list.Count == 0 ? null : list;
    }

    protected static IReadOnlyList<string>? Tags(IReadOnlyList<string> tags) => tags.Count == 0 ? null : tags;
}
