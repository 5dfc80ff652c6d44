package io.newspipe.console.testing;

/**
 * Articles written for the console's tests (not taken from any outlet): a provincial year-end conference with named
 * officials and their roles, an award and budget figures, like the articles the pipeline was built for.
 */
public final class TestArticles {

    public static final String TITLE = "Quảng Bình tổng kết công tác năm 2024";
    public static final String URL = "https://tin-thu-nghiem.example/quang-binh-tong-ket-2024";
    public static final String PERSON_CHAIR = "Đặng Thu Hà";
    public static final String PERSON_REPORTER = "Phạm Gia Khánh";
    public static final String PERSON_ADDED = "Võ Thanh Tùng";

    public static final String CONFERENCE = """
            Quảng Bình tổng kết công tác năm 2024

            Sáng 14/1, Ban Thường vụ Tỉnh ủy Quảng Bình tổ chức hội nghị tổng kết công tác năm 2024 và triển khai \
            nhiệm vụ năm 2025. Bí thư Tỉnh ủy Quảng Bình Đặng Thu Hà chủ trì hội nghị.

            Trình bày báo cáo, Phó Chủ tịch UBND tỉnh Phạm Gia Khánh cho biết năm 2024 tổng thu ngân sách trên địa \
            bàn đạt 7.250 tỷ đồng, vượt 12% dự toán; tỉnh hoàn thành 18/22 chỉ tiêu chủ yếu.

            Dịp này, Chủ tịch UBND tỉnh đã tặng Bằng khen cho 6 tập thể có thành tích xuất sắc trong phong trào thi \
            đua năm 2024.
            """;

    /** The same report, corrected: a third official speaks, the figure changes. */
    public static final String CONFERENCE_CORRECTED = CONFERENCE.replace("vượt 12% dự toán", "vượt 13% dự toán")
            .replace("tỉnh hoàn thành 18/22 chỉ tiêu chủ yếu.", "tỉnh hoàn thành 18/22 chỉ tiêu chủ yếu. Giám đốc "
                    + "Sở Tài chính Võ Thanh Tùng phát biểu về kế hoạch năm 2025.");

    private TestArticles() {
    }
}
