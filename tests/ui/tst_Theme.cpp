// SPDX-License-Identifier: GPL-3.0-or-later
// The window under a dark palette (Fusion, ui::darkPalette) at device pixel ratio 2, on the
// offscreen platform, with a recorded run opened: the charts take the dark theme on the
// palette's base, and everything the window draws itself (chart annotations, the topology
// strip's status words, the socket table's state chips and flashing rows, the message bar)
// reads with a contrast of at least 4.5 against what is behind it.

#include "control/LabSessionController.h"
#include "core/session/Session.h"
#include "lab/LabProcess.h"
#include "models/ScenarioListModel.h"
#include "models/SocketTableModel.h"
#include "ui/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/MessageBar.h"
#include "ui/SessionFiles.h"
#include "ui/TopologyStrip.h"
#include "ui/views/ThemeColors.h"
#include "ui/views/TimelineLegend.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QGraphicsSimpleTextItem>
#include <QHash>
#include <QLabel>
#include <QLegend>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

using namespace halfopen;

namespace {

constexpr double kReadable = 4.5; // WCAG AA for text

QString recording()
{
    return QStringLiteral(HALFOPEN_SOURCE_DIR "/tests/ui/views/data/keepalive-detects-powered-off-peer.jsonl");
}

// The most common colour in a rectangle is what is behind; the pixel that stands out most
// from it is the core of the text drawn there.
double inkContrast(const QImage &image, const QRect &rect, QColor *ink = nullptr)
{
    QHash<QRgb, int> counts;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x)
            ++counts[image.pixel(x, y)];
    }
    QRgb background = 0;
    int most = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > most) {
            most = it.value();
            background = it.key();
        }
    }
    double best = 1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        const double c = ui::contrastRatio(QColor(it.key()), QColor(background));
        if (c > best) {
            best = c;
            if (ink)
                *ink = QColor(it.key());
        }
    }
    return best;
}

// The highest contrast against `background` among the pixels of one hue (a status word drawn
// in red or green), in a widget's picture.
double hueContrast(const QImage &image, int hue, const QColor &background)
{
    double best = 1;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = QColor(image.pixel(x, y)).toHsv();
            const int dh = qAbs(c.hsvHue() - hue);
            if (c.hsvHue() < 0 || qMin(dh, 360 - dh) > 25 || c.hsvSaturation() < 90)
                continue;
            best = qMax(best, ui::contrastRatio(c, background));
        }
    }
    return best;
}

// Never started: the window only shows a recording.
struct Window
{
    QTemporaryDir dir;
    ui::AppSettings settings{dir.filePath(QStringLiteral("settings.ini"))};
    lab::LabProcess lab{lab::LabProcess::Options{QStringLiteral("/nonexistent/halfopen-lab"), {}, {}}};
    control::LabSessionController controller{&lab};
    models::ScenarioListModel scenarios{QList<models::ScenarioListModel::Entry>{}};
    ui::MainWindow window{&controller, &scenarios, &settings};
};

} // namespace

class TestTheme : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void chartsFollowThePalette();
    void drawnTextReadsOnDark();
    void iconsAreSharpAndLight();

private:
    std::unique_ptr<Window> m_w;
};

void TestTheme::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(ui::isDark(QApplication::palette()));
    m_w = std::make_unique<Window>();
    // Closing rows stay legible while they are looked at.
    m_w->controller.socketTable()->setFadeMs(600'000);
    m_w->window.resize(1500, 950);
    m_w->window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&m_w->window));
    QCOMPARE(m_w->window.devicePixelRatio(), 2.0);
    QVERIFY(m_w->window.files()->open(recording()));
    QTRY_VERIFY(m_w->controller.socketTable()->rowCount() >= 2);
}

void TestTheme::chartsFollowThePalette()
{
    const QColor base = m_w->window.palette().color(QPalette::Base);
    const QList<QChartView *> views = m_w->window.findChildren<QChartView *>();
    QCOMPARE(views.size(), 2);
    for (QChartView *view : views) {
        QChart *chart = view->chart();
        QCOMPARE(chart->theme(), QChart::ChartThemeDark);
        QCOMPARE(chart->backgroundBrush().color(), base);
        for (QAbstractAxis *axis : chart->axes())
            QVERIFY2(ui::contrastRatio(axis->labelsColor(), base) >= kReadable, qPrintable(axis->labelsColor().name()));
        if (chart->legend()->isVisible())
            QVERIFY(ui::contrastRatio(chart->legend()->labelColor(), base) >= kReadable);
    }
    // The lanes' own legend (it wraps where the chart's would cut labels).
    auto *legend = m_w->window.findChild<ui::TimelineLegend *>(QStringLiteral("timelineLegend"));
    QVERIFY(legend);
    QVERIFY(ui::contrastRatio(legend->palette().color(QPalette::WindowText), base) >= kReadable);
    // The annotations (state names, fault and error labels, detection times) are drawn by us.
    const auto labels = [&views] {
        QList<QGraphicsSimpleTextItem *> texts;
        for (QChartView *view : views) {
            for (QGraphicsItem *item : view->scene()->items()) {
                auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item);
                if (text && !text->text().isEmpty() && text->isVisible())
                    texts.append(text);
            }
        }
        return texts;
    };
    // The power-off, ETIMEDOUT and its detection time at least.
    QTRY_VERIFY(labels().size() >= 3);
    for (QGraphicsSimpleTextItem *text : labels())
        QVERIFY2(ui::contrastRatio(text->brush().color(), base) >= kReadable, qPrintable(text->text()));
}

void TestTheme::drawnTextReadsOnDark()
{
    // The topology strip: the client is alive ("running" in green), the server powered off
    // ("powered off" in red on the window colour). The recording ends with the lab stopped,
    // which greys the client out: the strip is drawn here from the run before that.
    auto *topology = m_w->window.findChild<ui::TopologyStrip *>(QStringLiteral("topologyStrip"));
    QTRY_VERIFY(topology->state().server.poweredOff);
    core::Session running;
    ui::TopologyStrip live(&running);
    live.resize(topology->size());
    for (const core::Event &e : m_w->controller.session()->events()) {
        if (e.host == halfopen::core::Host::Lab && e.what == QLatin1String("stopped"))
            break;
        running.add(e);
    }
    QCOMPARE(live.hostStatus(halfopen::core::Host::Client), QStringLiteral("running"));
    QCOMPARE(live.hostStatus(halfopen::core::Host::Server), QStringLiteral("powered off"));
    const QImage strip = live.grab().toImage();
    QCOMPARE(strip.devicePixelRatio(), 2.0);
    const QPalette palette = live.palette();
    QVERIFY2(hueContrast(strip, 0, palette.color(QPalette::Window)) >= kReadable,
             qPrintable(QString::number(hueContrast(strip, 0, palette.color(QPalette::Window)))));
    QVERIFY2(hueContrast(strip, 125, palette.color(QPalette::Base)) >= kReadable,
             qPrintable(QString::number(hueContrast(strip, 125, palette.color(QPalette::Base)))));

    // The socket table: the state chip's word on the chip, and every cell of a row that
    // flashed for its change (the client's CLOSED) on the flash.
    auto *table = m_w->window.findChild<QTableView *>(QStringLiteral("socketTable"));
    QVERIFY(table);
    const QImage cells = table->viewport()->grab().toImage();
    const qreal ratio = cells.devicePixelRatio();
    int checked = 0;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        for (int column : {int(models::SocketColumn::Host), int(models::SocketColumn::State)}) {
            const QRect cell = table->visualRect(table->model()->index(row, column));
            if (!table->viewport()->rect().contains(cell))
                continue; // scrolled out of sight
            ++checked;
            const QRect device(cell.topLeft() * ratio, cell.size() * ratio);
            QColor ink;
            const double contrast = inkContrast(cells, device.adjusted(6, 4, -6, -4), &ink);
            QVERIFY2(
                contrast >= kReadable,
                qPrintable(
                    QStringLiteral("row %1 column %2: %3 (%4)").arg(row).arg(column).arg(contrast).arg(ink.name())));
        }
    }
    QVERIFY(checked >= 4); // two rows at least

    // The message bar: its words on its own background.
    auto *messages = m_w->window.findChild<ui::MessageBar *>(QStringLiteral("messageBar"));
    messages->showProblem(QStringLiteral("The lab could not do that: a test message"));
    QTRY_VERIFY(messages->isVisible());
    auto *text = messages->findChild<QLabel *>(QStringLiteral("messageText"));
    const QImage bar = messages->grab().toImage();
    const QRect label(text->geometry().topLeft() * 2, text->geometry().size() * 2);
    QVERIFY(inkContrast(bar, label) >= kReadable);
    messages->hide();
}

void TestTheme::iconsAreSharpAndLight()
{
    // The toolbar's start icon: drawn for the pixel ratio (not scaled up), in a light colour.
    auto *start = m_w->window.findChild<QAction *>(QStringLiteral("startAction"));
    const QPixmap pixmap = start->icon().pixmap(QSize(16, 16), 2.0);
    QCOMPARE(pixmap.devicePixelRatio(), 2.0);
    QCOMPARE(pixmap.size(), QSize(32, 32));
    const QImage image = pixmap.toImage();
    double lightest = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() > 200)
                lightest = qMax(lightest, ui::contrastRatio(c, m_w->window.palette().color(QPalette::Window)));
        }
    }
    QVERIFY2(lightest >= kReadable, qPrintable(QString::number(lightest)));
}

int main(int argc, char *argv[])
{
    // What a HiDPI screen with a dark desktop theme gives the window.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_SCALE_FACTOR", "2");
    QApplication app(argc, argv);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(ui::darkPalette());
    TestTheme test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_Theme.moc"
