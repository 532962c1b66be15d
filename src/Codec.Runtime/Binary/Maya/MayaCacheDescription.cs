using System.Globalization;
using System.Text;
using System.Xml;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Binary.Maya;

/// <summary>One <c>channel&lt;N&gt;</c> of a Maya cache description.</summary>
public sealed record MayaChannelDescription(string Name, string Type, string Interpretation, string SamplingType, int SamplingRate, int StartTime, int EndTime)
{
    /// <summary>The data chunk type this channel type is stored as (FVCA, DVCA, FBCA, DBLA), or null.</summary>
    public string? DataType => Type switch
    {
        "FloatVectorArray" => "FVCA",
        "DoubleVectorArray" => "DVCA",
        "FloatArray" => "FBCA",
        "DoubleArray" => "DBLA",
        _ => null,
    };
}

/// <summary>
/// The <c>.xml</c> of a Maya cache (root <c>Autodesk_Cache_File</c>): cache type (OneFile / OneFilePerFrame),
/// format (mcc / mcx), time range and ticks per frame (6000 ticks per second), and the channels. Read with DTDs
/// and external entities off, and a size limit.
/// </summary>
public sealed record MayaCacheDescription(string CacheType, string Format, int RangeStart, int RangeEnd, int TimePerFrame, string Version, IReadOnlyList<MayaChannelDescription> Channels)
{
    public const int TicksPerSecond = 6000;

    public double FramesPerSecond => (double)TicksPerSecond / TimePerFrame;

    public bool OneFile => CacheType == "OneFile";

    /// <summary>Maya's descriptions are a few kilobytes; a larger one is refused rather than parsed.</summary>
    private const int MaxDescriptionBytes = 4 << 20;

    public static MayaCacheDescription? Parse(Stream xml, FindingSink sink, string path = "")
    {
        // Read whole (bounded) first: a DOCTYPE is then found and named before the XML reader sees it.
        var text = new MemoryStream();
        var chunk = new byte[81920];
        for (int n; (n = xml.Read(chunk)) > 0;)
        {
            text.Write(chunk, 0, n);
            if (text.Length > MaxDescriptionBytes) return Fail(sink, path, $"the description is larger than {MaxDescriptionBytes} bytes; Maya writes a few kilobytes");
        }

        // Maya never writes a DOCTYPE. One is skipped, never processed (no entities, nothing fetched), and said.
        if (HasDoctype(text.GetBuffer().AsSpan(0, (int)text.Length)))
        {
            sink.Add(new Finding(FindingCodes.BadHeader, Severity.Warning, path, "the description has a DOCTYPE, which Maya does not write; it is ignored (no entity in it is expanded)"));
        }

        // The bytes are decoded here, not by XmlReader: its switch to the encoding a declaration names fails inside the
        // framework on some malformed declarations (an exception no XML error explains), and Maya writes UTF-8 (or ASCII).
        if (!TryDecode(text.GetBuffer().AsSpan(0, (int)text.Length), out string decoded))
            return Fail(sink, path, "the description is not UTF-8 text (Maya writes UTF-8)");
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersInDocument = MaxDescriptionBytes,
            IgnoreComments = true,
            IgnoreWhitespace = true,
        };
        string cacheType = "", format = "mcc", version = "";
        int rangeStart = 0, rangeEnd = 0, timePerFrame = 0;
        bool sawRoot = false;
        var channels = new List<MayaChannelDescription>();
        try
        {
            using var reader = XmlReader.Create(new StringReader(decoded), settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                switch (reader.Name)
                {
                    case "Autodesk_Cache_File": sawRoot = true; break;
                    case "cacheType":
                        cacheType = reader.GetAttribute("Type") ?? "";
                        format = reader.GetAttribute("Format") ?? "mcc";
                        break;
                    case "time":
                        var range = (reader.GetAttribute("Range") ?? "").Split('-');
                        if (range.Length != 2 || !int.TryParse(range[0], CultureInfo.InvariantCulture, out rangeStart) || !int.TryParse(range[1], CultureInfo.InvariantCulture, out rangeEnd))
                        {
                            return Fail(sink, path, $"time Range '{reader.GetAttribute("Range")}' is not start-end in ticks");
                        }

                        break;
                    case "cacheTimePerFrame":
                        if (!int.TryParse(reader.GetAttribute("TimePerFrame"), CultureInfo.InvariantCulture, out timePerFrame) || timePerFrame <= 0)
                        {
                            return Fail(sink, path, $"TimePerFrame '{reader.GetAttribute("TimePerFrame")}' is not a positive number of ticks");
                        }

                        break;
                    case "cacheVersion": version = reader.GetAttribute("Version") ?? ""; break;
                    default:
                        if (reader.Name.StartsWith("channel", StringComparison.Ordinal) && reader.GetAttribute("ChannelName") is { } name)
                        {
                            channels.Add(new MayaChannelDescription(name, reader.GetAttribute("ChannelType") ?? "", reader.GetAttribute("ChannelInterpretation") ?? "",
                                reader.GetAttribute("SamplingType") ?? "", Int(reader, "SamplingRate"), Int(reader, "StartTime"), Int(reader, "EndTime")));
                        }

                        break;
                }
            }
        }
        catch (XmlException e)
        {
            return Fail(sink, path, "not well-formed XML: " + e.Message);
        }

        if (!sawRoot) return Fail(sink, path, "the root element is not Autodesk_Cache_File");
        if (cacheType is not ("OneFile" or "OneFilePerFrame")) return Fail(sink, path, $"cacheType Type '{cacheType}' is neither OneFile nor OneFilePerFrame");
        if (format is not ("mcc" or "mcx")) return Fail(sink, path, $"cacheType Format '{format}' is neither mcc nor mcx");
        if (timePerFrame == 0) return Fail(sink, path, "there is no cacheTimePerFrame");
        if (channels.Count == 0) return Fail(sink, path, "no channels are described");
        return new MayaCacheDescription(cacheType, format, rangeStart, rangeEnd, timePerFrame, version, channels);
    }

    /// <summary>The description TF's writer and Maya's "one file, mcc" export produce for one positions channel.</summary>
    public string ToXml()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("<?xml version=\"1.0\"?>\n<Autodesk_Cache_File>\n");
        sb.Append(CultureInfo.InvariantCulture, $"  <cacheType Type=\"{CacheType}\" Format=\"{Format}\"/>\n");
        sb.Append(CultureInfo.InvariantCulture, $"  <time Range=\"{RangeStart}-{RangeEnd}\"/>\n");
        sb.Append(CultureInfo.InvariantCulture, $"  <cacheTimePerFrame TimePerFrame=\"{TimePerFrame}\"/>\n");
        sb.Append(CultureInfo.InvariantCulture, $"  <cacheVersion Version=\"{Version}\"/>\n");
        sb.Append("  <extra>Written by Codec</extra>\n  <Channels>\n");
        for (int i = 0; i < Channels.Count; i++)
        {
            var c = Channels[i];
            sb.Append(CultureInfo.InvariantCulture, $"    <channel{i} ChannelName=\"{System.Security.SecurityElement.Escape(c.Name)}\" ChannelType=\"{c.Type}\" ChannelInterpretation=\"{c.Interpretation}\" SamplingType=\"{c.SamplingType}\" SamplingRate=\"{c.SamplingRate}\" StartTime=\"{c.StartTime}\" EndTime=\"{c.EndTime}\"/>\n");
        }

        sb.Append("  </Channels>\n</Autodesk_Cache_File>\n");
        return sb.ToString();
    }

    private static int Int(XmlReader reader, string name) =>
        int.TryParse(reader.GetAttribute(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : 0;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Strict UTF-8, a byte order mark dropped.
    private static bool TryDecode(ReadOnlySpan<byte> bytes, out string text)
    {
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    private static bool HasDoctype(ReadOnlySpan<byte> xml)
    {
        int root = xml.IndexOf("<Autodesk_Cache_File"u8);
        var prolog = root < 0 ? xml : xml[..root];
        return prolog.IndexOf("<!DOCTYPE"u8) >= 0 || prolog.IndexOf("<!doctype"u8) >= 0;
    }

    private static MayaCacheDescription? Fail(FindingSink sink, string path, string message)
    {
        sink.Add(new Finding(FindingCodes.BadHeader, Severity.Error, path, message));
        return null;
    }
}
