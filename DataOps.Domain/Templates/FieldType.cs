namespace DataOps.Domain.Templates;

/// <summary>
/// The type of a template field. Wire names are snake_case (<c>string_list</c>). The CLR value a record
/// carries for each: String/Text/Email/Url -> <see cref="string"/>, Integer -> <see cref="long"/>,
/// Number -> <see cref="double"/> (or <see cref="long"/>), Boolean -> <see cref="bool"/>,
/// DateTime -> <see cref="DateTimeOffset"/>, StringList -> <see cref="IReadOnlyList{T}"/> of string.
/// </summary>
public enum FieldType
{
    /// <summary>Short text (titles, names, keys).</summary>
    String,

    /// <summary>Long text (bodies, descriptions).</summary>
    Text,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A real number.</summary>
    Number,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>A point in time with offset.</summary>
    DateTime,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>An absolute http(s) URL.</summary>
    Url,

    /// <summary>A list of short strings (labels, tags).</summary>
    StringList,
}
